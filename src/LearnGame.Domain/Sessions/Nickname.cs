using System.Globalization;
using System.Text;

namespace LearnGame.Domain.Sessions;

/// <summary>A learner's display name: 1–20 characters after trimming, something visible, no control or invisible characters.</summary>
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
        return HasForbiddenCharacters(text) || !HasVisibleCharacter(text) ? null : text;
    }

    /// <summary>
    /// Whether something of the text is seen: a letter, a digit, punctuation or a symbol that draws. Marks alone,
    /// spaces and blank symbols (the Braille blank) make a name that shows as nothing.
    /// </summary>
    public static bool HasVisibleCharacter(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsDefaultIgnorable(rune.Value) || rune.Value == BrailleBlank) continue;
            if (Rune.IsLetterOrDigit(rune) || Rune.IsPunctuation(rune) || Rune.IsSymbol(rune)) return true;
        }
        return false;
    }

    private const int BrailleBlank = 0x2800;

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
            // Letters and marks that render as nothing (the Hangul fillers, the combining grapheme joiner).
            if (IsDefaultIgnorable(rune.Value)) return true;
        }
        return false;
    }

    /// <summary>
    /// Unicode's default-ignorable code points (DerivedCoreProperties), which a font draws as nothing; the two emoji
    /// presentation selectors are kept, as a phone's keyboard puts them after many emoji.
    /// </summary>
    private static bool IsDefaultIgnorable(int c) => c is 0x00AD or 0x034F or 0x061C or 0x115F or 0x1160 or 0x17B4 or 0x17B5
        or >= 0x180B and <= 0x180F or >= 0x200B and <= 0x200F or >= 0x202A and <= 0x202E or >= 0x2060 and <= 0x206F
        or 0x3164 or >= 0xFE00 and <= 0xFE0D or 0xFEFF or 0xFFA0 or >= 0xFFF0 and <= 0xFFF8 or >= 0x1BCA0 and <= 0x1BCA3
        or >= 0x1D173 and <= 0x1D17A or >= 0xE0000 and <= 0xE0FFF;

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
