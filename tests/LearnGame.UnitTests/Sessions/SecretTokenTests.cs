using LearnGame.Domain.Sessions;

namespace LearnGame.UnitTests.Sessions;

public class SecretTokenTests
{
    [Fact]
    public void A_new_token_is_url_safe_and_unguessable()
    {
        var tokens = Enumerable.Range(0, 100).Select(_ => SecretToken.New()).ToArray();
        Assert.All(tokens, t =>
        {
            Assert.Equal(43, t.Length);
            Assert.All(t, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_', $"'{c}' is not URL-safe"));
        });
        Assert.Equal(tokens.Length, tokens.Distinct().Count());
    }

    [Fact]
    public void A_hash_is_64_hex_digits_and_never_the_token()
    {
        var hash = SecretToken.Hash("secret");
        Assert.Equal(64, hash.Length);
        Assert.True(hash.All(Uri.IsHexDigit));
        Assert.Equal(hash, SecretToken.Hash("secret"));
        Assert.NotEqual(hash, SecretToken.Hash("Secret"));
    }

    [Fact]
    public void A_token_matches_its_hash_only()
    {
        var hash = SecretToken.Hash("secret");
        Assert.True(SecretToken.Matches("secret", hash));
        Assert.False(SecretToken.Matches("secret!", hash));
        Assert.False(SecretToken.Matches("secret", hash[..^1]));
        Assert.False(SecretToken.Matches("secret", ""));
    }
}
