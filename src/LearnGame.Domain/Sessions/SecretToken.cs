using System.Security.Cryptography;
using System.Text;

namespace LearnGame.Domain.Sessions;

/// <summary>Seat and host tokens are stored only as hashes, so a copy of the database cannot take over a seat.</summary>
public static class SecretToken
{
    public static string Hash(string token) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static bool Matches(string token, string hash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(token)), Encoding.ASCII.GetBytes(hash));

    /// <summary>A fresh unguessable token (256 bits, URL-safe).</summary>
    public static string New() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
