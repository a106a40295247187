using System.Collections.Concurrent;
using System.Text.Json;
using LearnGame.Domain.Quizzes;
using Orleans.Storage;

namespace LearnGame.FunctionalTests.Grains;

/// <summary>An in-memory grain storage that stores JSON (like the real one), counts writes and can be made to fail.</summary>
public sealed class CountingStorage : IGrainStorage
{
    private readonly ConcurrentDictionary<(string, GrainId), (string Json, string ETag)> _rows = new();
    private int _writes;

    public int Writes => Volatile.Read(ref _writes);

    private readonly ConcurrentDictionary<(string, GrainId), int> _writesOf = new();

    /// <summary>How many times one grain's state was written.</summary>
    public int WritesOf(string stateName, GrainId grainId) => _writesOf.GetValueOrDefault((stateName, grainId));

    /// <summary>The JSON stored for a grain's state, as a database would hold it; null when nothing is stored.</summary>
    public string? StoredJson(string stateName, GrainId grainId) => _rows.TryGetValue((stateName, grainId), out var row) ? row.Json : null;

    /// <summary>While true every write throws, as a database that is down would.</summary>
    public volatile bool Failing;

    private volatile TaskCompletionSource? _hold;

    /// <summary>Writes wait (as on a slow database) until <see cref="Release"/>.</summary>
    public void Hold() => _hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release()
    {
        var hold = _hold;
        _hold = null;
        hold?.TrySetResult();
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_rows.TryGetValue((stateName, grainId), out var row))
        {
            grainState.State = JsonSerializer.Deserialize<T>(row.Json, QuizJson.Options)!;
            grainState.ETag = row.ETag;
            grainState.RecordExists = true;
        }
        return Task.CompletedTask;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var json = JsonSerializer.Serialize(grainState.State, QuizJson.Options);
        await Task.Yield();
        if (_hold is { } hold) await hold.Task;
        if (Failing) throw new IOException("The test storage is down.");
        var key = (stateName, grainId);
        var current = _rows.TryGetValue(key, out var row) ? row.ETag : null;
        if (current != grainState.ETag) throw new InconsistentStateException("Stale ETag", current ?? "", grainState.ETag ?? "");
        var etag = Guid.NewGuid().ToString("N");
        _rows[key] = (json, etag);
        grainState.ETag = etag;
        grainState.RecordExists = true;
        Interlocked.Increment(ref _writes);
        _writesOf.AddOrUpdate(key, 1, (_, n) => n + 1);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        _rows.TryRemove((stateName, grainId), out _);
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }
}
