using System.Security.Cryptography;
using System.Text;

namespace LearnGame.Domain.Learners;

/// <summary>
/// A learner's pseudonymous identity is a secret token kept by its browser. The learner id is derived from the token
/// (a one-way hash), so only the token's holder can reach the profile, and the id alone opens nothing from outside.
/// </summary>
public static class LearnerToken
{
    public const int MinLength = 32;
    public const int MaxLength = 128;

    /// <summary>Tokens are what <see cref="Sessions.SecretToken.New"/> makes: URL-safe base64, 32 to 128 characters.</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: >= MinLength and <= MaxLength } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>The learner id a token opens: the first 128 bits of SHA-256 over a domain-separated token.</summary>
    public static Guid IdOf(string token) => new(SHA256.HashData(Encoding.UTF8.GetBytes("learngame-learner:" + token)).AsSpan(0, 16));
}
