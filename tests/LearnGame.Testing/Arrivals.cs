namespace LearnGame.Testing;

/// <summary>Items in the order they arrived, with a wait for the first that matches, arrived already or still to come.</summary>
public sealed class Arrivals<T>
    where T : class
{
    private readonly List<T> _items = [];
    private readonly List<(Func<T, bool> Match, TaskCompletionSource<T> Found)> _waiting = [];

    /// <summary>A copy of what has arrived so far.</summary>
    public IReadOnlyList<T> Snapshot()
    {
        lock (_items) return _items.ToList();
    }

    /// <summary>The first item that matches; the task never ends if none ever arrives, so callers give it a deadline.</summary>
    public Task<T> First(Func<T, bool> match)
    {
        var found = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_items)
        {
            if (_items.FirstOrDefault(match) is { } existing) return Task.FromResult(existing);
            _waiting.Add((match, found));
        }
        return found.Task;
    }

    /// <summary>Records an item, then wakes the waiters it matches (so a match that counts items counts this one).</summary>
    public void Add(T item)
    {
        lock (_items)
        {
            _items.Add(item);
            foreach (var waiter in _waiting.Where(w => w.Match(item)).ToList())
            {
                _waiting.Remove(waiter);
                waiter.Found.TrySetResult(item);
            }
        }
    }
}
