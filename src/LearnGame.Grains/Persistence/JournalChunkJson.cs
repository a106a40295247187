using System.Text.Json;
using System.Text.Json.Serialization;

namespace LearnGame.Grains.Persistence;

/// <summary>
/// Writes a <see cref="JournalChunk{TEntry}"/> as the JSON object it has always been stored as (its epoch, then its
/// entries), but each entry's JSON is rendered once: a chunk is written again at every write that adds to it, up to
/// <see cref="Journal{TEntry}.ChunkSize"/> times, and serialising all its entries again each time made the session's
/// writes cost as much as their chunk, not as the entries they add. The journal keeps what a write rendered and hands
/// it to the next one; entries are copies that never change once added (<see cref="Journal{TEntry}.Add"/>), so their
/// JSON does not either. Reading is System.Text.Json's own, as before.
/// </summary>
public sealed class JournalChunkJsonConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(JournalChunk<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(JournalChunkJsonConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;
}

internal sealed class JournalChunkJsonConverter<TEntry> : JsonConverter<JournalChunk<TEntry>>
{
    public override JournalChunk<TEntry>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize<StoredJournalChunk<TEntry>>(ref reader, options) is { } stored
            ? new JournalChunk<TEntry> { Epoch = stored.Epoch, Entries = stored.Entries ?? [] }
            : null;

    public override void Write(Utf8JsonWriter writer, JournalChunk<TEntry> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteNumber(Name(nameof(JournalChunk<TEntry>.Epoch), options), value.Epoch);
        writer.WritePropertyName(Name(nameof(JournalChunk<TEntry>.Entries), options));
        writer.WriteStartArray();
        var rendered = value.EntriesJson is { } json && json.Length == value.Entries.Count ? json : null;
        if (rendered is not null && !ReferenceEquals(value.RenderedWith, options))
        {
            // Rendered with other options: it does not count.
            Array.Clear(rendered);
            value.RenderedWith = options;
        }
        for (var i = 0; i < value.Entries.Count; i++)
        {
            var entry = rendered?[i] ?? JsonSerializer.SerializeToUtf8Bytes(value.Entries[i], options);
            if (rendered is not null) rendered[i] = entry;
            // Rendered by System.Text.Json just now or at an earlier write: valid JSON already.
            writer.WriteRawValue(entry, skipInputValidation: true);
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static string Name(string property, JsonSerializerOptions options) => options.PropertyNamingPolicy?.ConvertName(property) ?? property;
}

/// <summary>The stored shape of a chunk, read by System.Text.Json's own rules (names, case, unknown properties).</summary>
internal sealed class StoredJournalChunk<TEntry>
{
    public long Epoch { get; set; }
    public List<TEntry>? Entries { get; set; }
}
