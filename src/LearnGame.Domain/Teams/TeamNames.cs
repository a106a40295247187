using LearnGame.Domain.Quizzes;

namespace LearnGame.Domain.Teams;

/// <summary>Generated team names (in the session's language) and colours; the trainer may rename a team.</summary>
public static class TeamNames
{
    public const int MaxLength = 30;

    public static readonly Sessions.GameError Invalid =
        new("team-name-invalid", $"A team name has 1 to {MaxLength} characters, without control or invisible characters.");

    private static readonly string[] French =
    [
        "Les Hérons", "Les Lynx", "Les Castors", "Les Loutres", "Les Faucons", "Les Renards",
        "Les Dauphins", "Les Chouettes", "Les Abeilles", "Les Tortues", "Les Baleines", "Les Écureuils",
    ];

    private static readonly string[] English =
    [
        "Herons", "Lynxes", "Beavers", "Otters", "Falcons", "Foxes",
        "Dolphins", "Owls", "Bees", "Turtles", "Whales", "Squirrels",
    ];

    /// <summary>Twelve colours far apart from each other, all with white text at 4.5:1 contrast or more.</summary>
    private static readonly string[] Colours =
    [
        "#1f5fa8", "#a3361b", "#1d6b35", "#7b3fa0", "#8a5a00", "#0f6d78",
        "#b0245c", "#4a5a12", "#5b4a9e", "#8c3a3a", "#2f6b5a", "#6b4b2a",
    ];

    /// <summary>The name of the n-th team (1-based); after twelve, names come round again with a number.</summary>
    public static string Name(QuizLanguage language, int teamId)
    {
        var names = language == QuizLanguage.Fr ? French : English;
        var index = (teamId - 1) % names.Length;
        var lap = (teamId - 1) / names.Length;
        return lap == 0 ? names[index] : $"{names[index]} {lap + 1}";
    }

    public static string Colour(int teamId) => Colours[(teamId - 1) % Colours.Length];

    /// <summary>A trainer's new name for a team, cleaned like a nickname but up to <see cref="MaxLength"/> characters.</summary>
    public static string? Clean(string? raw)
    {
        if (raw is null || !Sessions.Nickname.IsWellFormedUtf16(raw)) return null;
        var text = raw.Normalize(System.Text.NormalizationForm.FormC).Trim();
        if (text.Length == 0 || new System.Globalization.StringInfo(text).LengthInTextElements > MaxLength) return null;
        return Sessions.Nickname.HasForbiddenCharacters(text) ? null : text;
    }
}
