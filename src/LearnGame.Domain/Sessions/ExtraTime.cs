namespace LearnGame.Domain.Sessions;

/// <summary>
/// An accommodation the trainer grants one learner (« tiers-temps »): more time on every question, as a share of the
/// question's time limit, a number of seconds, or both. See docs/scoring.md for how it is scored.
/// </summary>
public sealed record ExtraTime(int Percent, int Seconds)
{
    public const int MaxPercent = 200;
    public const int MaxSeconds = 600;

    public static readonly GameError Invalid = new("extra-time-invalid",
        $"Extra time is 0 to {MaxPercent} percent of the time limit and 0 to {MaxSeconds} seconds.");

    /// <summary>The extra time, or null for "none"; an error when out of range.</summary>
    public static (ExtraTime? Value, GameError? Error) Of(int percent, int seconds) =>
        percent is < 0 or > MaxPercent || seconds is < 0 or > MaxSeconds ? (null, Invalid)
        : percent == 0 && seconds == 0 ? (null, null)
        : (new ExtraTime(percent, seconds), null);

    /// <summary>How much later this learner's deadline is on a question with <paramref name="limit"/>, to the millisecond.</summary>
    public TimeSpan For(TimeSpan limit) =>
        TimeSpan.FromMilliseconds(Math.Round(limit.TotalMilliseconds * Percent / 100.0) + Seconds * 1000.0);
}
