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
}
