namespace LearnGame.FunctionalTests.Grains;

public sealed class ShiftedTimeTests
{
    private static (ITimer Timer, TaskCompletionSource Fired) Timer(ShiftedTime time, TimeSpan due)
    {
        var fired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return (time.CreateTimer(_ => fired.TrySetResult(), null, due, Timeout.InfiniteTimeSpan), fired);
    }

    [Fact]
    public async Task A_jump_fires_the_timers_due_by_then_and_moves_both_clocks()
    {
        var time = new ShiftedTime();
        var (before, stamp) = (time.GetUtcNow(), time.GetTimestamp());
        var (soon, soonFired) = Timer(time, TimeSpan.FromHours(1));
        var (later, laterFired) = Timer(time, TimeSpan.FromHours(3));
        using (soon)
        using (later)
        {
            time.Jump(TimeSpan.FromHours(2));

            await soonFired.Task.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.False(laterFired.Task.IsCompleted);
            Assert.True(time.GetUtcNow() - before >= TimeSpan.FromHours(2));
            Assert.True(time.GetElapsedTime(stamp) >= TimeSpan.FromHours(2));

            // What was left of the later timer is an hour: a second jump brings it due.
            time.Jump(TimeSpan.FromHours(1));
            await laterFired.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }
    }

    [Fact]
    public void A_shift_moves_the_wall_clock_only_and_may_go_back()
    {
        var time = new ShiftedTime();
        var stamp = time.GetTimestamp();
        time.Shift = TimeSpan.FromDays(30);
        Assert.True(time.GetUtcNow() - DateTimeOffset.UtcNow > TimeSpan.FromDays(29));
        Assert.True(time.GetElapsedTime(stamp) < TimeSpan.FromDays(1));
        time.Shift = TimeSpan.Zero;
        Assert.True(time.GetUtcNow() - DateTimeOffset.UtcNow < TimeSpan.FromMinutes(1));
    }
}
