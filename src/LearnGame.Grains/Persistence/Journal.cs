using System.Text.Json.Serialization;
using Orleans.Storage;

namespace LearnGame.Grains.Persistence;

/// <summary>One stored piece of a grain's journal: the entries it holds, and the checkpoint (epoch) they follow.</summary>
[JsonConverter(typeof(JournalChunkJsonConverterFactory))]
public sealed class JournalChunk<TEntry>
{
    public long Epoch { get; set; }
    public List<TEntry> Entries { get; set; } = [];

    /// <summary>
    /// Each entry's JSON where an earlier write rendered it (null where none did), in the order of
    /// <see cref="Entries"/>; a write through System.Text.Json fills in the rest. Not stored.
    /// </summary>
    internal byte[]?[]? EntriesJson { get; set; }

    /// <summary>The options <see cref="EntriesJson"/> was rendered with.</summary>
    internal object? RenderedWith { get; set; }
}

/// <summary>
/// The changes made since a grain's last full write (its checkpoint), stored in small pieces of their own so that a
/// frequent change is written without the whole state: a large session writes its seats only now and then, and each
/// answer or command as a short line.
/// <para>
/// The entries go into chunks "<c>{name}-0</c>", "<c>{name}-1</c>"… of the grain's storage, written strictly one after
/// the other: a write rewrites the open chunk with the entries it holds, and starts the next chunk once this one holds
/// <see cref="ChunkSize"/> entries. Each chunk names the checkpoint it follows (its epoch). After a checkpoint the
/// journal starts again from chunk 0 under the new epoch; a reader applies the leading chunks of the stored epoch and
/// ignores the rest, which earlier epochs left behind.
/// </para>
/// Not thread-safe: it runs on the grain's scheduler, and its writes are made one at a time by the grain's group commit.
/// </summary>
public sealed class Journal<TEntry>(IGrainStorage storage, GrainId grainId, string name)
{
    /// <summary>Entries a chunk holds before the next one starts (one write may add more to it).</summary>
    public const int ChunkSize = 64;

    private readonly List<GrainState<JournalChunk<TEntry>>> _stored = [];
    private readonly List<TEntry> _entries = [];
    // Each entry's JSON once a write rendered it, so that writing the chunk again renders only the entries it adds.
    private readonly List<byte[]?> _json = [];
    private object? _renderedWith;
    private long _epoch;
    private int _chunk;
    private int _chunkStart;
    private int _written;

    /// <summary>Entries since the checkpoint, written or not.</summary>
    public int Count => _entries.Count;

    /// <summary>How many chunks this journal knows in storage, of any epoch.</summary>
    public int StoredChunks => _stored.Count(s => s.RecordExists);

    public static string ChunkName(string name, int index) => $"{name}-{index}";

    /// <summary>Reads the stored chunks; returns the entries that follow the checkpoint of <paramref name="epoch"/>, in order.</summary>
    public async Task<IReadOnlyList<TEntry>> LoadAsync(long epoch)
    {
        _stored.Clear();
        _entries.Clear();
        (_epoch, _chunk, _chunkStart, _written) = (epoch, 0, 0, 0);
        var current = true;
        for (var index = 0; ; index++)
        {
            var state = new GrainState<JournalChunk<TEntry>>(new JournalChunk<TEntry>());
            await storage.ReadStateAsync(ChunkName(name, index), grainId, state);
            if (!state.RecordExists) break;
            _stored.Add(state);
            current &= state.State is { } chunk && chunk.Epoch == epoch;
            if (!current) continue;
            (_chunk, _chunkStart) = (index, _entries.Count);
            _entries.AddRange(state.State!.Entries);
        }
        _written = _entries.Count;
        _json.Clear();
        _json.AddRange(new byte[]?[_entries.Count]);
        return _entries.ToList();
    }

    /// <summary>Adds an entry, which must not change afterwards: its JSON is rendered once, and written again as it was.</summary>
    public void Add(TEntry entry)
    {
        _entries.Add(entry);
        _json.Add(null);
    }

    /// <summary>Stores the entries added since the last write (nothing to do when there are none).</summary>
    public async Task WriteAsync()
    {
        var upTo = _entries.Count;
        if (upTo == _written) return;
        if (_written - _chunkStart >= ChunkSize) (_chunk, _chunkStart) = (_chunk + 1, _written);
        while (_stored.Count <= _chunk) _stored.Add(new GrainState<JournalChunk<TEntry>>(new JournalChunk<TEntry>()));
        var state = _stored[_chunk];
        var (start, count) = (_chunkStart, upTo - _chunkStart);
        var rendered = _json.GetRange(start, count).ToArray();
        var chunk = new JournalChunk<TEntry>
        {
            Epoch = _epoch,
            Entries = _entries.GetRange(start, count),
            EntriesJson = rendered,
            RenderedWith = _renderedWith,
        };
        state.State = chunk;
        await storage.WriteStateAsync(ChunkName(name, _chunk), grainId, state);
        _written = Math.Max(_written, upTo);
        // Keep what this write rendered for the next ones (rendered with other options, it replaces all of it). No
        // restart can have come in between: the checkpoint's write and this one are made one at a time.
        if (!ReferenceEquals(chunk.RenderedWith, _renderedWith))
        {
            _renderedWith = chunk.RenderedWith;
            for (var i = 0; i < _json.Count; i++) _json[i] = null;
        }
        for (var i = 0; i < count; i++) _json[start + i] ??= rendered[i];
    }

    /// <summary>
    /// A checkpoint of <paramref name="epoch"/> is stored and holds the first <paramref name="included"/> entries: they are
    /// dropped, and those added meanwhile start the new epoch's chunk 0.
    /// </summary>
    public void Restart(long epoch, int included)
    {
        _entries.RemoveRange(0, Math.Min(included, _entries.Count));
        _json.RemoveRange(0, Math.Min(included, _json.Count));
        (_epoch, _chunk, _chunkStart, _written) = (epoch, 0, 0, 0);
    }

    /// <summary>
    /// Clears every stored chunk the current epoch has not written yet: what earlier epochs left there (after a learner's
    /// erasure or the retention purge, nothing personal may stay). Only between writes.
    /// </summary>
    public async Task ClearStaleAsync()
    {
        var firstStale = _written > 0 ? _chunk + 1 : 0;
        for (var index = firstStale; index < _stored.Count; index++)
            if (_stored[index].RecordExists) await storage.ClearStateAsync(ChunkName(name, index), grainId, _stored[index]);
    }
}
