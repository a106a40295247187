using System.Text.Json;
using System.Text.Json.Serialization;

namespace LearnGame.Server.Realtime;

/// <summary>
/// A payload the session grain has already serialised as UTF-8 JSON: SignalR's JSON protocol writes it into the message
/// as it is, instead of our parsing it into a document for SignalR to serialise again for each learner.
/// </summary>
[JsonConverter(typeof(Converter))]
public sealed class RawJson(byte[] utf8)
{
    public byte[] Utf8 { get; } = utf8;

    /// <summary>
    /// The JSON object <paramref name="json"/> with the property <paramref name="name"/> added at its end, its value the
    /// JSON <paramref name="value"/>: both written by System.Text.Json (compact, so the object ends with its brace).
    /// </summary>
    public static byte[] WithProperty(byte[] json, JsonEncodedText name, byte[] value)
    {
        if (json.Length < 2 || json[0] != (byte)'{' || json[^1] != (byte)'}')
            throw new ArgumentException("Only a compact JSON object can take a property.", nameof(json));
        var key = name.EncodedUtf8Bytes;
        var empty = json.Length == 2;
        // {…} + [,]"name": + value + }
        var merged = new byte[json.Length - 1 + (empty ? 0 : 1) + key.Length + 3 + value.Length + 1];
        var at = json.Length - 1;
        json.AsSpan(0, at).CopyTo(merged);
        if (!empty) merged[at++] = (byte)',';
        merged[at++] = (byte)'"';
        key.CopyTo(merged.AsSpan(at));
        at += key.Length;
        merged[at++] = (byte)'"';
        merged[at++] = (byte)':';
        value.CopyTo(merged.AsSpan(at));
        merged[^1] = (byte)'}';
        return merged;
    }

    public sealed class Converter : JsonConverter<RawJson>
    {
        public override RawJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("RawJson is only sent.");

        // The bytes were written by System.Text.Json in the grain: valid JSON, no need to check them again.
        public override void Write(Utf8JsonWriter writer, RawJson value, JsonSerializerOptions options) =>
            writer.WriteRawValue(value.Utf8, skipInputValidation: true);
    }
}
