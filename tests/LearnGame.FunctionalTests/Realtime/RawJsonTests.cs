using System.Text;
using System.Text.Json;
using LearnGame.Server.Realtime;

namespace LearnGame.FunctionalTests.Realtime;

/// <summary>A learner's own part added to an event's payload as it leaves, without parsing either.</summary>
public sealed class RawJsonTests
{
    [Theory]
    [InlineData("""{"questionIndex":2}""", "result", """{"points":5}""", """{"questionIndex":2,"result":{"points":5}}""")]
    [InlineData("{}", "result", "null", """{"result":null}""")]
    [InlineData("""{"a":[1,{"b":"}"}]}""", "own", "[1,2]", """{"a":[1,{"b":"}"}],"own":[1,2]}""")]
    [InlineData("""{"a":1}""", "quote\"d", "true", """{"a":1,"quote\u0022d":true}""")]
    public void A_property_is_added_at_the_end_of_the_object(string json, string name, string value, string expected)
    {
        var merged = RawJson.WithProperty(Encoding.UTF8.GetBytes(json), JsonEncodedText.Encode(name), Encoding.UTF8.GetBytes(value));

        Assert.Equal(expected, Encoding.UTF8.GetString(merged));
        using var parsed = JsonDocument.Parse(merged);
        Assert.Equal(value, parsed.RootElement.GetProperty(name).GetRawText());
    }

    [Theory]
    [InlineData("[1]")]
    [InlineData("\"text\"")]
    [InlineData("{")]
    [InlineData("")]
    public void Only_an_object_takes_a_property(string json)
    {
        Assert.Throws<ArgumentException>(() => RawJson.WithProperty(Encoding.UTF8.GetBytes(json), JsonEncodedText.Encode("result"), "1"u8.ToArray()));
    }
}
