using System.Collections.Concurrent;
using LearnGame.Storage.Batching;
using Orleans.Storage;

namespace LearnGame.Storage;

/// <summary>
/// Lets one write (or clear) at a time reach the database, in the order they were asked for; callers wait without
/// holding a thread. SQLite takes one writer at a time, and Microsoft.Data.Sqlite waits for a busy database by blocking
/// its thread and retrying, which under many concurrent sessions holds the silo's threads. With an
/// <see cref="UpdateBatch"/>, the updates waiting together share one transaction: on SQLite every write takes its turn
/// here and Guid-keyed first writes share the transactions too; on PostgreSQL, where each commit waits for the disk, only
/// Guid-keyed updates take this loop and everything else goes to the provider at once. Reads go straight through (WAL
/// readers do not wait for the writer). The state is already serialised by <see cref="SnapshotStorage"/>, so the loop
/// never reads a grain's live state. The loop has a thread of its own, woken directly by each write, so that the
/// database's turn never waits behind the silo's queued work (docs/architecture.md, storage).
/// </summary>
public sealed class OneWriterStorage : IGrainStorage, IDisposable
{
    /// <summary>At most this many updates share one transaction.</summary>
    public const int MaxBatch = 256;

    private readonly IGrainStorage _inner;
    private readonly UpdateBatch? _batch;
    private readonly ConcurrentQueue<Entry> _queue = new();

    /// <summary>
    /// Set when work is queued; the writer waits on it when the queue is empty. No spinning before it blocks (as a
    /// BlockingCollection's wait would): the writer empties its queue many times a second in a burst, and spinning took
    /// the cores the grains and the sockets need.
    /// </summary>
    private readonly ManualResetEventSlim _work = new(initialState: false, spinCount: 0);

    private readonly Lock _adding = new();
    private volatile bool _stopped;

    /// <summary>
    /// <paramref name="batch"/>, when given, writes the updates that wait together in one transaction of our own;
    /// everything else goes to <paramref name="inner"/> in its turn.
    /// </summary>
    public OneWriterStorage(IGrainStorage inner, UpdateBatch? batch = null)
    {
        _inner = inner;
        _batch = batch;
        _writer = new Thread(Run) { IsBackground = true, Name = "LearnGame storage writer" };
        _writer.Start();
    }

    private readonly Thread _writer;

    /// <summary>How long disposing waits for the writes already asked for (a database that stopped answering may take longer).</summary>
    public static readonly TimeSpan StopPatience = TimeSpan.FromSeconds(10);

    /// <summary>Refuses later writes, and waits (at most <see cref="StopPatience"/>) for those already asked for.</summary>
    public void Dispose()
    {
        lock (_adding) _stopped = true;
        _work.Set();
        if (Thread.CurrentThread != _writer) _writer.Join(StopPatience);
    }

    /// <summary>The shared transactions of this writer's database, if any.</summary>
    internal UpdateBatch? Batch => _batch;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        _inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        grainState.ETag is null && _batch is not null ? FirstWriteAsync(stateName, grainId, grainState, _batch) : WriteNowAsync(stateName, grainId, grainState);

    private Task WriteNowAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (_batch?.For(stateName, grainId, grainState, () => done.TrySetResult(), e => done.TrySetException(e)) is { } update)
        {
            if (!Enqueue(new Entry(null, update))) done.SetException(Stopped());
            return done.Task;
        }
        return StorageMetrics.ProviderWriteTimed(() => _batch is { OneWriterOnly: false } ? _inner.WriteStateAsync(stateName, grainId, grainState) : InTurn(() => _inner.WriteStateAsync(stateName, grainId, grainState)));
    }

    /// <summary>
    /// A first write. One that got no answer may still have been stored: the next first write of the same state settles
    /// that before it goes (<see cref="UpdateBatch.SettleFirstWriteAsync"/>), and becomes an update when it was. On SQLite
    /// a Guid-keyed state's first write then joins the shared transaction as an insert (the batch keeps its bytes when
    /// its commit gets no answer); otherwise the provider inserts it, and this keeps the bytes of one that failed.
    /// </summary>
    private async Task FirstWriteAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, UpdateBatch batch)
    {
        await batch.SettleFirstWriteAsync(stateName, grainId, grainState);
        var throughProvider = grainState.ETag is null && !batch.OneWriterOnly;
        try
        {
            await WriteNowAsync(stateName, grainId, grainState);
        }
        catch (Exception e) when (throughProvider && e is not InconsistentStateException)
        {
            batch.KeepUnsettledFirstWrite(grainState);
            throw;
        }
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        StorageMetrics.ProviderWriteTimed(() => _batch is { OneWriterOnly: false } ? _inner.ClearStateAsync(stateName, grainId, grainState) : InTurn(() => _inner.ClearStateAsync(stateName, grainId, grainState)));

    private Task InTurn(Func<Task> operation) => InTurn(async () =>
    {
        await operation().ConfigureAwait(false);
        return true;
    });

    /// <summary>Runs <paramref name="operation"/> when its turn comes, after every write asked for before it, and alone.</summary>
    public Task<T> InTurn<T>(Func<Task<T>> operation)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var queued = Enqueue(new Entry(async () =>
        {
            try
            {
                done.SetResult(await operation().ConfigureAwait(false));
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        }, null));
        if (!queued) done.SetException(Stopped());
        return done.Task;
    }

    /// <summary>Queues <paramref name="entry"/> for the writer; false once the writer has been told to stop.</summary>
    private bool Enqueue(Entry entry)
    {
        lock (_adding)
        {
            if (_stopped) return false;
            _queue.Enqueue(entry);
        }
        _work.Set();
        return true;
    }

    /// <summary>The next entry, waiting for one without spinning; null once stopped and every queued entry is taken.</summary>
    private Entry? Take()
    {
        while (true)
        {
            if (_queue.TryDequeue(out var entry)) return entry;
            _work.Reset();
            // Anything queued before the reset is seen here; anything after it sets the event again.
            if (_queue.TryDequeue(out entry)) return entry;
            if (_stopped) return _queue.TryDequeue(out entry) ? entry : null;
            _work.Wait();
        }
    }

    private static ObjectDisposedException Stopped() => new(nameof(OneWriterStorage), "The silo's storage writer has stopped.");

    private void Run()
    {
        var updates = new List<UpdateBatch.Item>();
        Entry? held = null;
        while ((held ??= Take()) is { } entry)
        {
            held = null;
            if (entry.Update is { } update)
            {
                // Every update waiting right behind this one joins its transaction, in order; anything else waits for it.
                updates.Add(update);
                while (updates.Count < MaxBatch && _queue.TryDequeue(out var next))
                {
                    if (next.Update is { } more) updates.Add(more);
                    else
                    {
                        held = next;
                        break;
                    }
                }
                try
                {
                    _batch!.Run(updates);
                }
                catch (Exception e)
                {
                    // Run reports a transaction's errors itself; anything else (a state that failed to serialise, say) fails these
                    // updates rather than the writer's thread, which would take the whole process with it.
                    foreach (var item in updates) item.Failed(e);
                }
                updates.Clear();
            }
            // This thread is the writer's own: waiting here holds up no grain (the operation reports its own errors).
            else entry.Operation!().GetAwaiter().GetResult();
        }
    }

    private sealed record Entry(Func<Task>? Operation, UpdateBatch.Item? Update);
}
