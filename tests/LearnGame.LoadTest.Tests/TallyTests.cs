using LearnGame.LoadTest;

namespace LearnGame.LoadTest.Tests;

/// <summary>The count the simulated trainer waits on: every learner's answer settled, every learner finished.</summary>
public sealed class TallyTests
{
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task A_wait_completes_when_the_last_add_comes_from_another_task()
    {
        var tally = new Tally();
        var wait = tally.ReachedAsync(30, Long, CancellationToken.None);
        Assert.False(wait.IsCompleted);

        await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => Task.Run(tally.Add)));

        Assert.True(await wait);
    }

    [Fact]
    public async Task A_wait_does_not_complete_one_add_short()
    {
        var tally = new Tally();
        var wait = tally.ReachedAsync(3, Long, CancellationToken.None);
        tally.Add();
        tally.Add();

        Assert.False(wait.IsCompleted);
        tally.Add();
        Assert.True(await wait);
    }

    [Fact]
    public async Task A_count_already_reached_answers_at_once()
    {
        var tally = new Tally();
        tally.Add();
        tally.Add();

        var wait = tally.ReachedAsync(2, Long, CancellationToken.None);

        Assert.True(wait.IsCompletedSuccessfully);
        Assert.True(await wait);
    }

    [Fact]
    public async Task A_wait_gives_up_after_its_patience_and_the_count_goes_on()
    {
        var tally = new Tally();
        tally.Add();

        Assert.False(await tally.ReachedAsync(5, TimeSpan.FromMilliseconds(20), CancellationToken.None));

        tally.Add();
        Assert.True(await tally.ReachedAsync(2, Long, CancellationToken.None));
    }

    [Fact]
    public async Task A_cancelled_wait_throws()
    {
        var tally = new Tally();
        using var cancel = new CancellationTokenSource();
        var wait = tally.ReachedAsync(1, Long, cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
    }
}
