namespace LearnGame.LoadTest;

/// <summary>A count that many tasks add to and one task waits on until it reaches a number, without polling.</summary>
public sealed class Tally
{
    private readonly Lock _lock = new();
    private int _count;
    private int _target = int.MaxValue;
    private TaskCompletionSource? _reached;

    public int Count
    {
        get { lock (_lock) return _count; }
    }

    public void Add()
    {
        TaskCompletionSource? reached = null;
        lock (_lock)
        {
            if (++_count >= _target) (reached, _reached) = (_reached, null);
        }
        reached?.TrySetResult();
    }

    /// <summary>
    /// Completes once the count is at least <paramref name="target"/>, or after <paramref name="patience"/>; true if it
    /// was reached. One waiter at a time.
    /// </summary>
    public async Task<bool> ReachedAsync(int target, TimeSpan patience, CancellationToken cancel)
    {
        Task wait;
        lock (_lock)
        {
            if (_count >= target) return true;
            _target = target;
            _reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            wait = _reached.Task;
        }
        try
        {
            await wait.WaitAsync(patience, cancel);
            return true;
        }
        catch (TimeoutException)
        {
            lock (_lock) (_target, _reached) = (int.MaxValue, null);
            return false;
        }
    }
}
