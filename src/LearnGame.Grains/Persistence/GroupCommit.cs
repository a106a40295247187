using LearnGame.Grains.Abstractions.Diagnostics;

namespace LearnGame.Grains.Persistence;

/// <summary>
/// Group commit for a grain's state: callers that ask for durability while a write is running share the
/// next write, so a burst of changes costs a handful of writes instead of one each. Runs on the grain's
/// single-threaded scheduler, so it needs no locks.
/// When a write fails, its callers are told at once (they may retry), but the changes are still in memory and
/// not yet stored: the commit keeps writing, with growing pauses, until a write succeeds.
/// </summary>
public sealed class GroupCommit(Func<Task> write, TimeProvider time, Action<bool>? storedChanged = null)
{
    /// <summary>Pauses between attempts while storage fails: quick at first, then every two seconds.</summary>
    public static readonly TimeSpan[] RetryPauses =
        [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)];

    private TaskCompletionSource? _next;
    private int _nextSize;
    private bool _running;

    /// <summary>Completes once a write that started after this call has succeeded; fails if that write fails.</summary>
    public Task Commit()
    {
        _next ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _nextSize++;
        var task = _next.Task;
        if (!_running) _ = RunAsync();
        return task;
    }

    /// <summary>True from a failed write until the next write succeeds: some changes are in memory only.</summary>
    public bool Retrying { get; private set; }

    /// <summary>Number of writes done, for tests and metrics.</summary>
    public long Writes { get; private set; }

    private async Task RunAsync()
    {
        _running = true;
        var failures = 0;
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
                    GameMetrics.WriteDone(started, size);
                    Writes++;
                    failures = 0;
                    if (Retrying)
                    {
                        Retrying = false;
                        storedChanged?.Invoke(true);
                    }
                    batch.SetResult();
                }
                catch (Exception e)
                {
                    batch.SetException(e);
                    _ = batch.Task.Exception; // observed here too: a retry nobody asked for has no caller to see it
                    if (!Retrying)
                    {
                        Retrying = true;
                        storedChanged?.Invoke(false);
                    }
                    // What failed to be stored is still in memory: write again, even if nobody else asks.
                    _next ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    await Task.Delay(RetryPauses[Math.Min(failures++, RetryPauses.Length - 1)], time);
                }
            }
        }
        finally
        {
            _running = false;
        }
    }
}
