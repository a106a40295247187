using LearnGame.Testing;

namespace LearnGame.FunctionalTests.Testing;

public sealed class ArrivalsTests
{
    [Fact]
    public async Task First_returns_a_matching_item_that_arrived_before_the_wait()
    {
        var arrivals = new Arrivals<string>();
        arrivals.Add("lobby");
        arrivals.Add("question 1");

        Assert.Equal("question 1", await arrivals.First(s => s.StartsWith("question", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task First_waits_for_a_matching_item_and_ignores_the_others()
    {
        var arrivals = new Arrivals<string>();
        var waiting = arrivals.First(s => s == "reveal");

        arrivals.Add("question");
        Assert.False(waiting.IsCompleted);
        arrivals.Add("reveal");

        Assert.Equal("reveal", await waiting.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task A_match_that_counts_items_counts_the_one_being_added()
    {
        var arrivals = new Arrivals<string>();
        var third = arrivals.First(_ => arrivals.Snapshot().Count >= 3);

        arrivals.Add("a");
        arrivals.Add("b");
        Assert.False(third.IsCompleted);
        arrivals.Add("c");

        Assert.Equal("c", await third.WaitAsync(TimeSpan.FromSeconds(10)));
    }
}
