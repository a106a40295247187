using LearnGame.LoadTest;

namespace LearnGame.LoadTest.Tests;

/// <summary>The tool's own pauses, told question by question, so that a tail of the tool's making is not read as the server's.</summary>
public sealed class PauseTimelineTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset At(int ms) => T0.AddMilliseconds(ms);

    /// <summary>Samples every 10 ms from T0; the process paused 40 ms between the samples at 20 and 30 ms, 5 ms between 60 and 70.</summary>
    private static PauseTimeline Timeline()
    {
        var (now, paused) = (T0, TimeSpan.Zero);
        var timeline = new PauseTimeline(() => paused, () => now);
        for (var ms = 0; ms <= 100; ms += 10)
        {
            now = At(ms);
            paused = TimeSpan.FromMilliseconds(ms >= 30 ? 40 : 0) + TimeSpan.FromMilliseconds(ms >= 70 ? 5 : 0);
            timeline.Sample();
        }
        return timeline;
    }

    [Theory]
    [InlineData(22, 28, 40)] // within the pause
    [InlineData(0, 100, 45)] // the whole run
    [InlineData(35, 55, 0)] // between the pauses
    [InlineData(25, 65, 45)] // touching both
    [InlineData(-50, 5, 0)] // before the first sample: from it
    [InlineData(95, 300, 0)] // after the last: to it
    public void The_pause_within_a_window_is_the_difference_of_the_samples_around_it(int from, int to, double expected)
    {
        Assert.Equal(expected, Timeline().PausedMsBetween(At(from), At(to)));
    }

    [Fact]
    public void Without_samples_nothing_is_claimed()
    {
        var timeline = new PauseTimeline(() => TimeSpan.Zero, () => T0);

        Assert.Null(timeline.PausedMsBetween(T0, At(10)));
    }

    [Fact]
    public void Each_question_gets_the_pause_from_its_first_send_to_its_last_receipt()
    {
        var m = new Measurements();
        m.QuestionReceived(0, At(10), At(15));
        m.QuestionReceived(0, At(12), At(45)); // the last receipt of question 1, after the 40 ms pause
        m.QuestionReceived(1, At(40), At(55));

        var perQuestion = m.PerQuestion(Timeline());

        Assert.Equal([40.0, 0.0], perQuestion.Select(q => q.ToolPausedMs));
        Assert.Equal([2L, 1L], perQuestion.Select(q => q.QuestionFanOut.Count));
        Assert.Equal(33, perQuestion[0].QuestionFanOut.Max, 1);
        Assert.All(m.PerQuestion(), q => Assert.Null(q.ToolPausedMs));
    }

    [Fact]
    public void Questions_prepared_before_the_run_are_reported_once_received_and_not_before()
    {
        var m = new Measurements();
        m.Prepare(3);

        Assert.Empty(m.PerQuestion(Timeline()));

        m.QuestionReceived(1, At(10), At(15));
        m.AnswerAcknowledged(1, TimeSpan.FromMilliseconds(4));

        var only = Assert.Single(m.PerQuestion(Timeline()));
        Assert.Equal(2, only.Question);
        Assert.Equal(1, only.QuestionFanOut.Count);
        Assert.Equal(1, only.Ack.Count);
        Assert.Equal(0.0, only.ToolPausedMs);
    }

    [Fact]
    public void The_running_timeline_samples_this_process_until_disposed()
    {
        var start = DateTimeOffset.UtcNow;
        using var timeline = new PauseTimeline();
        var before = GC.GetTotalPauseDuration();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true);
        var collected = GC.GetTotalPauseDuration() - before;
        timeline.Dispose(); // takes a last sample

        Assert.True(timeline.PausedMsBetween(start, DateTimeOffset.UtcNow) >= Math.Floor(collected.TotalMilliseconds * 10) / 10);
    }
}
