using LearnGame.Domain.Sessions;

namespace LearnGame.UnitTests.Sessions;

public class RoundTests
{
    private static readonly DateTimeOffset Opened = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static Round Running() => new() { QuestionIndex = 0, OpenedAt = Opened, Deadline = Opened.AddSeconds(20) };

    [Fact]
    public void Remaining_time_counts_down_to_the_deadline_and_stops_at_zero()
    {
        var round = Running();
        Assert.Equal(TimeSpan.FromSeconds(20), round.Remaining(Opened));
        Assert.Equal(TimeSpan.FromSeconds(7.5), round.Remaining(Opened.AddSeconds(12.5)));
        Assert.Equal(TimeSpan.Zero, round.Remaining(Opened.AddSeconds(20)));
        Assert.Equal(TimeSpan.Zero, round.Remaining(Opened.AddMinutes(5)));
    }

    [Fact]
    public void Remaining_time_is_frozen_while_paused()
    {
        var round = Running();
        round.PausedRemaining = TimeSpan.FromSeconds(9);
        Assert.True(round.Paused);
        Assert.Equal(TimeSpan.FromSeconds(9), round.Remaining(Opened.AddHours(3)));
    }

    [Fact]
    public void A_closed_round_has_no_time_left()
    {
        var round = Running();
        round.Closed = true;
        Assert.Equal(TimeSpan.Zero, round.Remaining(Opened));
    }
}
