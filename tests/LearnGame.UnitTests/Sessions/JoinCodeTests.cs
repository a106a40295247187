using LearnGame.Domain.Sessions;

namespace LearnGame.UnitTests.Sessions;

public class JoinCodeTests
{
    [Theory]
    [InlineData("123456")]
    [InlineData("000000")]
    public void Six_ascii_digits_are_a_join_code(string code) => Assert.True(JoinCode.IsWellFormed(code));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12a456")]
    [InlineData(" 12345")]
    [InlineData("١٢٣٤٥٦")]
    public void Anything_else_is_not(string? code) => Assert.False(JoinCode.IsWellFormed(code));

    [Fact]
    public void Random_codes_are_well_formed_and_keep_their_leading_zeros()
    {
        var random = new Random(1234);
        var codes = Enumerable.Range(0, 2000).Select(_ => JoinCode.Random(random)).ToArray();
        Assert.All(codes, c => Assert.True(JoinCode.IsWellFormed(c), c));
        Assert.Contains(codes, c => c[0] == '0');
    }
}
