using System.Globalization;
using System.Text;

namespace LearnGame.Domain.Sessions;

/// <summary>A learner's display name: 1–20 characters after trimming, no control or invisible characters.</summary>
public static class Nickname
{
    public const int MaxLength = 20;

    public static readonly GameError Invalid =
        new("nickname-invalid", $"A nickname has 1 to {MaxLength} characters, without control or invisible characters.");

    /// <summary>The cleaned nickname, or null when it breaks the rules.</summary>
    public static string? Clean(string? raw)
    {
        if (raw is null || !IsWellFormedUtf16(raw)) return null;
        var text = raw.Normalize(NormalizationForm.FormC).Trim();
        var length = new StringInfo(text).LengthInTextElements;
        if (length is < 1 or > MaxLength) return null;
        return HasForbiddenCharacters(text) ? null : text;
    }

    /// <summary>Control, invisible or unassigned characters: what a name shown to others may not hold.</summary>
    public static bool HasForbiddenCharacters(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            // Format characters (Cf) include the zero-width ones that make two names look alike.
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
                or UnicodeCategory.OtherNotAssigned)
                return true;
        }
        return false;
    }

    /// <summary>False for text with a lone surrogate, which cannot be normalised or displayed.</summary>
    public static bool IsWellFormedUtf16(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(text[i])) return false;
        }
        return true;
    }

    /// <summary>The same key for two nicknames exactly when they <see cref="Clash"/>.</summary>
    public static string Key(string nickname) => nickname.ToUpperInvariant();

    /// <summary>Two nicknames clash when they are equal ignoring case.</summary>
    public static bool Clash(string a, string b) => string.Equals(Key(a), Key(b), StringComparison.Ordinal);
}
