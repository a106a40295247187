using LearnGame.SimulatedLearners;

namespace LearnGame.LoadTest.Tests;

/// <summary>The behaviour shared by the load tool's learners and the rehearsal bots: how long they think, what they choose.</summary>
public sealed class SimulatedLearnersTests
{
    private const long Plenty = 3_600_000; // an hour left: the cap plays no part

    [Fact]
    public void Thinking_times_spread_log_normally_around_the_median()
    {
        var random = new Random(11);
        var times = Enumerable.Range(0, 5000).Select(_ => ThinkingTime.Draw(random, 3000, Plenty).TotalMilliseconds).Order().ToArray();

        // σ = 0.6: the median is the median, the 90th percentile e^(0.6 × 1.2816) = 2.16 times it, the 10th 0.46 times.
        Assert.InRange(times[2500], 2850, 3150);
        Assert.InRange(times[4500], 3000 * 2.0, 3000 * 2.3);
        Assert.InRange(times[500], 3000 * 0.42, 3000 * 0.5);
    }

    [Fact]
    public void A_learner_never_thinks_past_most_of_the_time_left()
    {
        var random = new Random(5);
        var times = Enumerable.Range(0, 1000).Select(_ => ThinkingTime.Draw(random, 3000, remainingMs: 2000)).ToList();

        Assert.All(times, t => Assert.InRange(t.TotalMilliseconds, 0, 1600));
        Assert.Contains(times, t => t.TotalMilliseconds == 1600); // the slow ones are held at the cap, not dropped
        Assert.Equal(TimeSpan.Zero, ThinkingTime.Draw(random, 3000, remainingMs: -40)); // the deadline has passed
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.7)]
    [InlineData(1.0)]
    public void A_learner_is_right_as_often_as_its_skill_and_otherwise_picks_any_wrong_choice(double skill)
    {
        var random = new Random(3);
        var picks = Enumerable.Range(0, 4000).Select(_ => SimulatedAnswers.Choice(random, skill, correct: 2, count: 4)).ToList();

        Assert.InRange(picks.Count(p => p == 2) / 4000.0, skill - 0.03, skill + 0.03);
        Assert.All(picks, p => Assert.InRange(p, 0, 3));
        var wrong = picks.Where(p => p != 2).GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count());
        if (skill < 1)
        {
            Assert.Equal([0, 1, 3], wrong.Keys.Order());
            Assert.All(wrong.Values, n => Assert.InRange(n / (double)wrong.Values.Sum(), 0.28, 0.39));
        }
        else Assert.Empty(wrong);
    }

    [Theory]
    [InlineData(0, 1)] // one choice: no wrong one to pick
    [InlineData(4, 4)] // the right one is not among the choices
    [InlineData(-1, 4)]
    public void A_choice_needs_a_wrong_one_and_the_right_one_among_them(int correct, int count)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SimulatedAnswers.Choice(new Random(1), 0.5, correct, count));
    }

    [Fact]
    public void Preparing_the_clients_reads_each_sample_as_its_type()
    {
        using var hubs = new HubClients(new Uri("http://127.0.0.1:5080"));

        hubs.Prepare([(typeof(Sample), """{"index":1,"at":"2026-12-03T12:00:00+00:00"}""")]);
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => hubs.Prepare([(typeof(Sample), """{"index":"one"}""")]));
    }

    private sealed record Sample(int Index, DateTimeOffset At);
}
