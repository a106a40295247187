using LearnGame.Domain.Sessions;

namespace LearnGame.Server.Apis;

/// <summary>
/// The operator's trainer keys (configuration "Library:TrainerKeys", a list of secrets). Each key opens one trainer
/// space; the space is named by the key's hash, so the key itself is never stored with the quizzes.
/// </summary>
public sealed class TrainerKeys(IConfiguration configuration)
{
    public const string Header = "X-Trainer-Key";

    private readonly HashSet<string> _spaces = configuration.GetSection("Library:TrainerKeys").Get<string[]>()?
        .Where(k => !string.IsNullOrWhiteSpace(k)).Select(SecretToken.Hash).ToHashSet(StringComparer.Ordinal) ?? [];

    public bool AnyConfigured => _spaces.Count > 0;

    /// <summary>The space a request's key opens, or null.</summary>
    public string? SpaceOf(HttpRequest request)
    {
        var key = request.Headers[Header].ToString();
        if (string.IsNullOrEmpty(key)) return null;
        var space = SecretToken.Hash(key);
        return _spaces.Contains(space) ? space : null;
    }
}
