using System.Text.Json;
using System.Text.Json.Serialization;

namespace LearnGame.Server.Realtime;

/// <summary>
/// A payload the session grain has already serialised as UTF-8 JSON: SignalR's JSON protocol writes it into the message
/// as it is, instead of our parsing it into a document for SignalR to serialise again (2,000 results a reveal).
/// </summary>
[JsonConverter(typeof(Converter))]
public sealed class RawJson(byte[] utf8)
{
    public byte[] Utf8 { get; } = utf8;

    public sealed class Converter : JsonConverter<RawJson>
    {
        public override RawJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("RawJson is only sent.");

        // The bytes were written by System.Text.Json in the grain: valid JSON, no need to check them again.
        public override void Write(Utf8JsonWriter writer, RawJson value, JsonSerializerOptions options) =>
            writer.WriteRawValue(value.Utf8, skipInputValidation: true);
    }
}
