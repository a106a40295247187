using System.Threading.Channels;
using Orleans.Storage;

namespace LearnGame.Storage;

/// <summary>
/// Lets one write (or clear) at a time reach the database, in the order they were asked for; callers wait without
/// holding a thread. SQLite takes one writer at a time, and Microsoft.Data.Sqlite waits for a busy database by blocking
/// its thread and retrying: with 400 sessions writing at once, that held the silo's threads for whole seconds (Orleans
/// reported grain turns of over a second) and every latency grew. One loop of its own runs the writes back to back, so
/// the database's turn never waits for a busy grain to be scheduled. Reads go straight through (WAL readers do not
/// wait for the writer). The state is already serialised by <see cref="SnapshotStorage"/>, so the loop never reads a
/// grain's live state.
/// </summary>
public sealed class OneWriterStorage : IGrainStorage
{
    private readonly IGrainStorage _inner;
    private readonly Channel<Func<Task>> _queue = Channel.CreateUnbounded<Func<Task>>(new() { SingleReader = true });

    public OneWriterStorage(IGrainStorage inner)
    {
        _inner = inner;
        _ = Task.Factory.StartNew(RunAsync, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        _inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        InTurn(() => _inner.WriteStateAsync(stateName, grainId, grainState));

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        InTurn(() => _inner.ClearStateAsync(stateName, grainId, grainState));

    private Task InTurn(Func<Task> operation)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _queue.Writer.TryWrite(async () =>
        {
            try
            {
                await operation().ConfigureAwait(false);
                done.SetResult();
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        });
        return done.Task;
    }

    private async Task RunAsync()
    {
        await foreach (var operation in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
            await operation().ConfigureAwait(false);
    }
}
