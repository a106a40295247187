using LearnGame.Domain.Sessions.Views;

namespace LearnGame.UnitTests.Sessions;

/// <summary>Counts go to trainers and projectors at most four times a second, to learners at most once; none is dropped.</summary>
public class PulseScheduleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset At(double ms) => T0.AddMilliseconds(ms);

    [Fact]
    public void The_first_change_goes_to_everyone_at_once()
    {
        var pulses = new PulseSchedule();
        Assert.Null(pulses.NextDue);

        pulses.Changed(PulseCounts.Lobby);

        Assert.Equal((PulseCounts.Lobby, PulseCounts.Lobby), pulses.Take(At(0)));
        Assert.Null(pulses.NextDue);
        Assert.Equal((PulseCounts.None, PulseCounts.None), pulses.Take(At(1)));
    }

    [Fact]
    public void Trainers_hear_four_times_a_second_and_learners_once()
    {
        var pulses = new PulseSchedule();
        var (hosts, learners) = (0, 0);
        // An answer every 10 ms for two seconds, and a pulse whenever one is due.
        for (var ms = 0; ms < 2000; ms += 10)
        {
            pulses.Changed(PulseCounts.Answers);
            var (h, l) = pulses.Take(At(ms));
            if (h != PulseCounts.None) hosts++;
            if (l != PulseCounts.None) learners++;
        }

        Assert.Equal(8, hosts);
        Assert.Equal(2, learners);
    }

    [Fact]
    public void A_change_held_back_for_learners_is_sent_at_their_next_pulse_not_dropped()
    {
        var pulses = new PulseSchedule();
        pulses.Changed(PulseCounts.Answers);
        pulses.Take(At(0));

        pulses.Changed(PulseCounts.Lobby);
        Assert.Equal(At(250), pulses.NextDue);
        Assert.Equal((PulseCounts.None, PulseCounts.None), pulses.Take(At(100)));
        Assert.Equal((PulseCounts.Lobby, PulseCounts.None), pulses.Take(At(250)));
        Assert.Equal(At(1000), pulses.NextDue);
        Assert.Equal((PulseCounts.None, PulseCounts.None), pulses.Take(At(999)));
        Assert.Equal((PulseCounts.None, PulseCounts.Lobby), pulses.Take(At(1000)));
        Assert.Null(pulses.NextDue);
    }

    [Fact]
    public void Both_counts_changed_between_pulses_travel_together()
    {
        var pulses = new PulseSchedule();
        pulses.Changed(PulseCounts.Lobby);
        pulses.Take(At(0));
        pulses.Changed(PulseCounts.Lobby);
        pulses.Changed(PulseCounts.Answers);

        Assert.Equal((PulseCounts.Lobby | PulseCounts.Answers, PulseCounts.Lobby | PulseCounts.Answers), pulses.Take(At(1000)));
    }

    [Fact]
    public void The_next_due_time_is_the_earlier_of_the_two_audiences()
    {
        var pulses = new PulseSchedule();
        pulses.Changed(PulseCounts.Answers);
        pulses.Take(At(0));
        pulses.Changed(PulseCounts.Answers);
        pulses.Take(At(300)); // trainers only
        Assert.Equal(At(1000), pulses.NextDue);

        pulses.Changed(PulseCounts.Answers);

        Assert.Equal(At(550), pulses.NextDue);
    }
}
