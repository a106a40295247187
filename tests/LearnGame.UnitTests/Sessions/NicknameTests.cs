using LearnGame.Domain.Sessions;

namespace LearnGame.UnitTests.Sessions;

public class NicknameTests
{
    [Theory]
    [InlineData("Zoé", "Zoé")]
    [InlineData("  Zoé\t", "Zoé")]
    [InlineData("Jean Pierre", "Jean Pierre")]
    [InlineData("Zoe\u0301", "Zoé")]
    [InlineData("👍🏽 Ana", "👍🏽 Ana")]
    [InlineData("Ça va ?", "Ça va ?")]
    public void Clean_trims_and_composes(string raw, string clean) => Assert.Equal(clean, Nickname.Clean(raw));

    [Theory]
    [InlineData("Zoé", "ZOÉ")]
    [InlineData("marc", "MARC")]
    [InlineData("Ölçek", "öLÇEK")]
    public void Nicknames_equal_ignoring_case_clash(string a, string b) => Assert.True(Nickname.Clash(a, b));

    [Theory]
    [InlineData("Zoé", "Zoe")]
    [InlineData("Marc", "Marc2")]
    public void Different_nicknames_do_not_clash(string a, string b) => Assert.False(Nickname.Clash(a, b));

    [Fact]
    public void A_lone_surrogate_is_refused_rather_than_crashing()
    {
        // Built at run time: attribute strings cannot hold a lone surrogate.
        foreach (var raw in new[] { "Zo" + (char)0xD800 + "e", ((char)0xDC00).ToString(), "end" + (char)0xD83D })
            Assert.Null(Nickname.Clean(raw));
    }

    [Fact]
    public void A_well_formed_emoji_is_kept() => Assert.Equal("Zoé 🚀", Nickname.Clean("Zoé 🚀"));

    [Theory]
    [InlineData("\u3164")] // Hangul filler alone
    [InlineData("\u115F\u1160")] // Hangul choseong and jungseong fillers
    [InlineData("\uFFA0")] // halfwidth Hangul filler
    [InlineData("\u2800")] // Braille blank
    [InlineData("\u2800\u2800 \u2800")]
    [InlineData("\u0301\u0301")] // combining marks with nothing to sit on
    public void A_nickname_that_renders_blank_is_refused(string raw) => Assert.Null(Nickname.Clean(raw));

    [Theory]
    [InlineData("a\u034Fb")] // combining grapheme joiner
    [InlineData("Zo\u3164e")]
    [InlineData("Ana\u00AD")] // soft hyphen
    [InlineData("Marc\uFE00")] // a variation selector that is not an emoji's
    public void A_nickname_hiding_an_invisible_character_is_refused(string raw) => Assert.Null(Nickname.Clean(raw));

    [Theory]
    [InlineData("❤\uFE0F Léa")] // the emoji presentation selector a phone's keyboard adds
    [InlineData("Zoé ⠁")] // a Braille letter draws
    [InlineData("42")]
    [InlineData("?!")]
    public void Visible_nicknames_with_emoji_digits_or_punctuation_are_kept(string raw) => Assert.Equal(raw, Nickname.Clean(raw));
}
