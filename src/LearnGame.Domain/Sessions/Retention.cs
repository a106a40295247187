namespace LearnGame.Domain.Sessions;

/// <summary>How long an ended session keeps its personal data (nicknames, answers, seat tokens) before it is purged.</summary>
public static class Retention
{
    /// <summary>Thirty days: long enough for the trainer to download the reports, short enough not to keep personal data for nothing.</summary>
    public static readonly TimeSpan DefaultEndedSessions = TimeSpan.FromDays(30);

    /// <summary>True once the session has ended and been kept for <paramref name="keepFor"/>; a live session is never due.</summary>
    public static bool IsDue(GameSession game, TimeSpan keepFor, DateTimeOffset now) =>
        game is { Phase: SessionPhase.Ended, EndedAt: { } endedAt } && now - endedAt >= keepFor;

    /// <summary>How long until the session is due (zero when it already is); null while it is live.</summary>
    public static TimeSpan? Remaining(GameSession game, TimeSpan keepFor, DateTimeOffset now) =>
        game is { Phase: SessionPhase.Ended, EndedAt: { } endedAt }
            ? (endedAt + keepFor - now) is var left && left > TimeSpan.Zero ? left : TimeSpan.Zero
            : null;
}
