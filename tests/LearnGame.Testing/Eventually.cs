namespace LearnGame.Testing;

/// <summary>
/// Waits for a condition that another part of the system makes true (a purge, a rollup, a recovery), by reading it
/// again until it holds or a deadline passes; the deadline failing is the test failing, with what was awaited.
/// </summary>
public static class Eventually
{
    /// <summary>How often the condition is read again.</summary>
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(25);

    /// <summary>How soon a failed call is tried again: not so often that a silo coming back is flooded.</summary>
    private static readonly TimeSpan RetryEvery = TimeSpan.FromMilliseconds(200);

    /// <summary>Reads until <paramref name="done"/> holds and returns that value; throws a <see cref="TimeoutException"/> naming <paramref name="what"/> and the last value read.</summary>
    public static async Task<T> Value<T>(Func<Task<T>> read, Func<T, bool> done, string what, TimeSpan? patience = null)
    {
        var deadline = DateTimeOffset.UtcNow + (patience ?? GameClient.Patience);
        while (true)
        {
            var value = await read();
            if (done(value)) return value;
            if (DateTimeOffset.UtcNow > deadline) throw new TimeoutException($"Not in time: {what} (last read: {value})");
            await Task.Delay(Every);
        }
    }

    /// <summary>
    /// As <see cref="Value{T}"/>, but a call that throws or outlasts <paramref name="perCall"/> is tried again until the
    /// deadline: for calls that may reach a silo or a database that is still coming back.
    /// </summary>
    public static async Task<T> Retrying<T>(Func<Task<T>> call, Func<T, bool> done, string what, TimeSpan patience, TimeSpan perCall)
    {
        var deadline = DateTimeOffset.UtcNow + patience;
        while (true)
        {
            T value;
            try
            {
                value = await call().WaitAsync(perCall);
            }
            catch (Exception e)
            {
                if (DateTimeOffset.UtcNow > deadline) throw new TimeoutException($"Not in time: {what} (last failure: {e.Message})", e);
                // The call reached what is still down, or took too long: try again.
                await Task.Delay(RetryEvery);
                continue;
            }
            if (done(value)) return value;
            if (DateTimeOffset.UtcNow > deadline) throw new TimeoutException($"Not in time: {what} (last read: {value})");
            await Task.Delay(RetryEvery);
        }
    }

    /// <summary>Reads until the condition holds; throws a <see cref="TimeoutException"/> naming <paramref name="what"/>.</summary>
    public static Task True(Func<Task<bool>> condition, string what, TimeSpan? patience = null) =>
        Value(condition, held => held, what, patience);

    /// <summary>Reads a condition of memory shared with the code under test until it holds.</summary>
    public static Task True(Func<bool> condition, string what, TimeSpan? patience = null) =>
        Value(() => Task.FromResult(condition()), held => held, what, patience);
}
