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
}
