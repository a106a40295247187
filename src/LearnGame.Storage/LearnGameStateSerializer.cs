using System.Text.Encodings.Web;
using System.Text.Json;
using Orleans.Storage;

namespace LearnGame.Storage;

/// <summary>Stores grain state as readable UTF-8 JSON with System.Text.Json (web defaults: camelCase property names).</summary>
public sealed class LearnGameStateSerializer : IGrainStorageSerializer
{
    /// <summary>The options used when none are given: web defaults, out-of-order <c>$type</c> metadata allowed, fields ignored, non-ASCII unescaped, nulls left out.</summary>
    public static JsonSerializerOptions DefaultOptions { get; } = CreateDefaultOptions();

    private readonly JsonSerializerOptions _options;

    /// <summary>Creates a serializer with <see cref="DefaultOptions"/> or the given options.</summary>
    public LearnGameStateSerializer(JsonSerializerOptions? options = null) => _options = options ?? DefaultOptions;

    // States frozen by SnapshotStorage for the write in progress, by reference: the provider gets these bytes.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, byte[]> _frozen = new();

    /// <inheritdoc />
    public BinaryData Serialize<T>(T? input) =>
        BinaryData.FromBytes(input is not null && _frozen.TryGetValue(input, out var frozen) ? frozen : JsonSerializer.SerializeToUtf8Bytes(input, _options));

    /// <summary>Serialises <paramref name="state"/> now; until <see cref="Thaw"/>, serialising that same object gives these bytes.</summary>
    public byte[] Freeze<T>(T state)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(state, _options);
        _frozen.AddOrUpdate(state!, bytes);
        return bytes;
    }

    /// <summary>Serialising <paramref name="state"/> reads it afresh again, unless a later write froze it anew.</summary>
    public void Thaw(object state, byte[] frozen)
    {
        if (_frozen.TryGetValue(state, out var current) && ReferenceEquals(current, frozen)) _frozen.Remove(state);
    }

    /// <inheritdoc />
    public T? Deserialize<T>(BinaryData input) => JsonSerializer.Deserialize<T>(input.ToMemory().Span, _options);

    private static JsonSerializerOptions CreateDefaultOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            // Rows edited by hand or written by other tools need not put "$type" first.
            AllowOutOfOrderMetadataProperties = true,
            IncludeFields = false,
            // The JSON lands in a database, never in HTML: keep accents and other non-ASCII text readable.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            // A session rewrites every answer at each group commit: absent is smaller than "field": null.
            // Every nullable property of our state defaults to null, so an absent one reads back the same.
            DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
