using System.Threading.Channels;
using Orleans.Storage;

namespace LearnGame.Storage;

/// <summary>
/// Lets one write (or clear) at a time reach the database, in the order they were asked for; callers wait without
/// holding a thread. SQLite takes one writer at a time, and Microsoft.Data.Sqlite waits for a busy database by blocking
/// its thread and retrying: with 400 sessions writing at once, that held the silo's threads for whole seconds (Orleans
/// reported grain turns of over a second) and every latency grew. One loop of its own runs the writes back to back, so
/// the database's turn never waits for a busy grain to be scheduled; with a <see cref="UpdateBatch"/>, the updates
/// waiting together share one transaction. PostgreSQL takes concurrent writers, but with fsync on each transaction waits
/// for its commit to reach the disk: there the loop takes only the updates, so that one commit (and one round trip)
/// serves every update waiting together, and first writes and clears go to the provider at once. Reads go straight through (WAL readers do not wait for the writer). The
/// state is already serialised by <see cref="SnapshotStorage"/>, so the loop never reads a grain's live state.
/// </summary>
public sealed class OneWriterStorage : IGrainStorage
{
    /// <summary>At most this many updates share one transaction.</summary>
    public const int MaxBatch = 256;

    private readonly IGrainStorage _inner;
    private readonly UpdateBatch? _batch;
    private readonly Channel<Entry> _queue = Channel.CreateUnbounded<Entry>(new() { SingleReader = true });

    /// <summary>
    /// <paramref name="batch"/>, when given, writes the updates that wait together in one transaction of our own;
    /// everything else goes to <paramref name="inner"/> in its turn.
    /// </summary>
    public OneWriterStorage(IGrainStorage inner, UpdateBatch? batch = null)
    {
        _inner = inner;
        _batch = batch;
        _ = Task.Factory.StartNew(RunAsync, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
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
        if (_batch?.For(stateName, grainId, grainState, done.SetResult, e => done.SetException(e)) is { } update)
        {
            _queue.Writer.TryWrite(new Entry(null, update));
            return done.Task;
        }
        return StorageMetrics.ProviderWriteTimed(() => _batch is { OneWriterOnly: false } ? _inner.WriteStateAsync(stateName, grainId, grainState) : InTurn(() => _inner.WriteStateAsync(stateName, grainId, grainState)));
    }

    /// <summary>
    /// A first write, which the provider inserts. One that fails other than on the version check may still have been
    /// stored (its answer lost): the next first write of the same state settles that before it goes
    /// (<see cref="UpdateBatch.SettleFirstWriteAsync"/>), and becomes an update when it was.
    /// </summary>
    private async Task FirstWriteAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, UpdateBatch batch)
    {
        await batch.SettleFirstWriteAsync(stateName, grainId, grainState);
        var first = grainState.ETag is null;
        try
        {
            await WriteNowAsync(stateName, grainId, grainState);
        }
        catch (Exception e) when (first && e is not InconsistentStateException)
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
        _queue.Writer.TryWrite(new Entry(async () =>
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
        return done.Task;
    }

    private async Task RunAsync()
    {
        var updates = new List<UpdateBatch.Item>();
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (_queue.Reader.TryRead(out var entry))
            {
                if (entry.Update is { } update)
                {
                    // Every update waiting right behind this one joins its transaction, in order.
                    updates.Add(update);
                    while (updates.Count < MaxBatch && _queue.Reader.TryPeek(out var next) && next.Update is { } more && _queue.Reader.TryRead(out _))
                        updates.Add(more);
                    _batch!.Run(updates);
                    updates.Clear();
                }
                else await entry.Operation!().ConfigureAwait(false);
            }
        }
    }

    private sealed record Entry(Func<Task>? Operation, UpdateBatch.Item? Update);
}
