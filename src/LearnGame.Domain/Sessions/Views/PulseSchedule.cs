namespace LearnGame.Domain.Sessions.Views;

/// <summary>The counts that are sent as pulses rather than with every change.</summary>
[Flags]
public enum PulseCounts
{
    None = 0,

    /// <summary>The lobby: who is there (names for trainers and projectors, the count for learners), teams, lock.</summary>
    Lobby = 1,

    /// <summary>How many learners have answered the open question.</summary>
    Answers = 2,
}

/// <summary>
/// How often each audience is sent the counts that change with every learner: trainers and projectors at most four times
/// a second, learners at most once a second (in a large session, every phone redrawing a count four times a second
/// would cost more than the rest of the round). A change is never dropped, only sent with the next pulse. Time comes in as a parameter.
/// </summary>
public sealed class PulseSchedule
{
    public static readonly TimeSpan HostInterval = TimeSpan.FromMilliseconds(250);
    public static readonly TimeSpan LearnerInterval = TimeSpan.FromSeconds(1);

    private PulseCounts _hosts;
    private PulseCounts _learners;
    private DateTimeOffset _lastHosts = DateTimeOffset.MinValue;
    private DateTimeOffset _lastLearners = DateTimeOffset.MinValue;

    /// <summary>Something every audience should hear about at its next pulse.</summary>
    public void Changed(PulseCounts counts)
    {
        _hosts |= counts;
        _learners |= counts;
    }

    /// <summary>What each audience is due now; it counts as sent.</summary>
    public (PulseCounts Hosts, PulseCounts Learners) Take(DateTimeOffset now)
    {
        var hosts = Due(_hosts, _lastHosts, HostInterval, now);
        var learners = Due(_learners, _lastLearners, LearnerInterval, now);
        if (hosts != PulseCounts.None) (_hosts, _lastHosts) = (PulseCounts.None, now);
        if (learners != PulseCounts.None) (_learners, _lastLearners) = (PulseCounts.None, now);
        return (hosts, learners);
    }

    /// <summary>When the next pulse is due for something still waiting; null when nothing waits.</summary>
    public DateTimeOffset? NextDue
    {
        get
        {
            DateTimeOffset? next = null;
            if (_hosts != PulseCounts.None) next = After(_lastHosts, HostInterval);
            if (_learners != PulseCounts.None && (next is null || After(_lastLearners, LearnerInterval) < next)) next = After(_lastLearners, LearnerInterval);
            return next;
        }
    }

    private static PulseCounts Due(PulseCounts waiting, DateTimeOffset last, TimeSpan interval, DateTimeOffset now) =>
        waiting != PulseCounts.None && now >= After(last, interval) ? waiting : PulseCounts.None;

    private static DateTimeOffset After(DateTimeOffset last, TimeSpan interval) =>
        last == DateTimeOffset.MinValue ? DateTimeOffset.MinValue : last + interval;
}
