namespace LearnGame.Grains.Persistence;

/// <summary>
/// Group commit for a grain's state: callers that ask for durability while a write is running share the
/// next write, so a burst of changes costs a handful of writes instead of one each. Runs on the grain's
/// single-threaded scheduler, so it needs no locks.
/// </summary>
public sealed class GroupCommit(Func<Task> write)
{
    private TaskCompletionSource? _next;
    private int _nextSize;
    private bool _running;

    /// <summary>Completes once a write that started after this call has succeeded.</summary>
    public Task Commit()
    {
        _next ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _nextSize++;
        var task = _next.Task;
        if (!_running) _ = RunAsync();
        return task;
    }

    /// <summary>Number of writes done, for tests and metrics.</summary>
    public long Writes { get; private set; }

    private async Task RunAsync()
    {
        _running = true;
        try
        {
            while (_next is { } batch)
            {
                var size = _nextSize;
                (_next, _nextSize) = (null, 0);
                try
                {
                    var started = System.Diagnostics.Stopwatch.GetTimestamp();
                    await write();
                    Diagnostics.GameMetrics.WriteDone(started, size);
                    Writes++;
                    batch.SetResult();
                }
                catch (Exception e)
                {
                    batch.SetException(e);
                }
            }
        }
        finally
        {
            _running = false;
        }
    }
}
