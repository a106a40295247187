using System.Text;
using System.Text.Json.Serialization;

namespace LearnGame.Storage.Tests;

public sealed class LearnGameStateSerializerTests
{
    private readonly LearnGameStateSerializer _serializer = new();

    [Fact]
    public void State_is_written_as_readable_camel_case_json()
    {
        var json = Encoding.UTF8.GetString(_serializer.Serialize(new ProbeState { Text = "héllo", Writes = 2 }).ToArray());

        Assert.Equal("""{"text":"héllo","writes":2}""", json);
    }

    [Fact]
    public void State_round_trips()
    {
        var state = _serializer.Deserialize<ProbeState>(_serializer.Serialize(new ProbeState { Text = "x", Writes = 3 }));

        Assert.Equal(("x", 3), (state!.Text, state.Writes));
    }

    [Fact]
    public void Null_properties_are_left_out_and_read_back_as_null()
    {
        var bytes = _serializer.Serialize(new ProbeState { Text = null, Writes = 1 });

        Assert.Equal("""{"writes":1}""", Encoding.UTF8.GetString(bytes.ToArray()));
        Assert.Null(_serializer.Deserialize<ProbeState>(bytes)!.Text);
    }

    [Fact]
    public void Polymorphic_state_reads_even_when_the_type_discriminator_is_not_first()
    {
        var shape = _serializer.Deserialize<Shape>(new BinaryData("""{"radius":2,"$type":"circle"}"""u8.ToArray()));

        Assert.Equal(2, Assert.IsType<Circle>(shape).Radius);
    }

    [JsonPolymorphic]
    [JsonDerivedType(typeof(Circle), "circle")]
    public abstract class Shape;

    public sealed class Circle : Shape
    {
        public int Radius { get; set; }
    }
}
