using LearnGame.Domain.Questions;

namespace LearnGame.Domain.Scoring;

/// <summary>How many points one answer earns. The rules are explained with examples in docs/scoring.md.</summary>
public static class ScoringRules
{
    public const int StandardPoints = 1000;
    public const int StreakBonusStep = 100;
    public const int MaxStreakBonus = 500;

    /// <summary>With speed scoring, the slowest correct answer still earns this share of the points.</summary>
    public const double SlowestShare = 0.5;

    public static int BasePoints(PointsMode mode) => mode switch
    {
        PointsMode.Standard => StandardPoints,
        PointsMode.Double => 2 * StandardPoints,
        _ => 0,
    };

    /// <summary>Points for a credit (0..1) earned after <paramref name="elapsed"/> of <paramref name="limit"/>, before any streak bonus.</summary>
    public static int AnswerPoints(PointsMode mode, double credit, TimeSpan elapsed, TimeSpan limit, bool speedScoring)
    {
        var basePoints = BasePoints(mode);
        if (basePoints == 0 || credit <= 0) return 0;
        var speedFactor = 1.0;
        if (speedScoring && limit > TimeSpan.Zero)
        {
            var used = Math.Clamp(elapsed / limit, 0, 1);
            speedFactor = 1 - (1 - SlowestShare) * used;
        }
        return (int)Math.Round(basePoints * Math.Clamp(credit, 0, 1) * speedFactor, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// A correct answer's time for the tie-breaker, on the scale of the question's own time limit: a learner with extra
    /// time who used half of its time counts as having used half of the limit.
    /// </summary>
    public static long ComparableTimeMs(long elapsedMs, TimeSpan limit, TimeSpan ownLimit) =>
        ownLimit <= limit || ownLimit <= TimeSpan.Zero ? elapsedMs : (long)Math.Round(elapsedMs * (limit / ownLimit), MidpointRounding.AwayFromZero);

    /// <summary>Bonus for a fully correct answer that extends a streak: 100 per earlier correct answer in a row, at most 500.</summary>
    public static int StreakBonus(PointsMode mode, int streakIncludingThisAnswer) =>
        mode == PointsMode.None ? 0 : Math.Min(MaxStreakBonus, Math.Max(0, streakIncludingThisAnswer - 1) * StreakBonusStep);

    /// <summary>A fully correct answer: the only kind that counts as "correct" and extends a streak.</summary>
    public static bool IsCorrect(double credit) => credit >= 1 - 1e-9;
}
