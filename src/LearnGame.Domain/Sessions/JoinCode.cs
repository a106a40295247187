namespace LearnGame.Domain.Sessions;

/// <summary>Join codes are six digits, easy to read out in a room and type on a phone.</summary>
public static class JoinCode
{
    public const int Length = 6;

    public static bool IsWellFormed(string? code) => code is { Length: Length } && code.All(char.IsAsciiDigit);

    /// <summary>A random code; uniqueness among live sessions is the join code grain's job.</summary>
    public static string Random(Random random) => random.Next(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
}
