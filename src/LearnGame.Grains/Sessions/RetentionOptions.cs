using LearnGame.Domain.Sessions;

namespace LearnGame.Grains.Sessions;

/// <summary>The "Retention" configuration section: when ended sessions lose their personal data.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Orleans refuses reminder periods shorter than this.</summary>
    public static readonly TimeSpan MinimumCheckEvery = TimeSpan.FromMinutes(1);

    /// <summary>How long an ended session keeps nicknames, answers and seat tokens (default 30 days).</summary>
    public TimeSpan EndedSessions { get; set; } = Retention.DefaultEndedSessions;

    /// <summary>The period of the purge reminder once it has first fired (default one hour, at least one minute).</summary>
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Every problem with these settings, each in one sentence; empty when they can be used.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (EndedSessions < TimeSpan.Zero) problems.Add($"Retention:EndedSessions is {EndedSessions}; it must not be negative (for example 30.00:00:00 for 30 days).");
        if (CheckEvery < MinimumCheckEvery) problems.Add($"Retention:CheckEvery is {CheckEvery}; Orleans reminders need at least 00:01:00.");
        return problems;
    }
}
