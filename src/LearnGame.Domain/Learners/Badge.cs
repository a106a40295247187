namespace LearnGame.Domain.Learners;

/// <summary>The badges a learner can earn, each once (documented in docs/profiles.md). Codes are stable: clients translate them.</summary>
public static class Badge
{
    /// <summary>The first correct answer ever.</summary>
    public const string FirstCorrect = "first-correct";

    /// <summary>Five correct answers in a row within one session.</summary>
    public const string StreakOfFive = "streak-of-five";

    /// <summary>Every graded question of a session right (at least three).</summary>
    public const string PerfectGame = "perfect-game";

    /// <summary>Answered every graded question of a team session.</summary>
    public const string TeamPlayer = "team-player";

    /// <summary>Present in a session of a shared challenge when the class reached its goal.</summary>
    public const string ChallengeCompleted = "challenge-completed";

    /// <summary>Five sessions played.</summary>
    public const string Regular = "regular";

    public const int RegularSessions = 5;
    public const int StreakLength = 5;

    public static readonly IReadOnlyList<string> All = [FirstCorrect, StreakOfFive, PerfectGame, TeamPlayer, ChallengeCompleted, Regular];
}

/// <summary>A badge and when (and where) it was earned.</summary>
public sealed record EarnedBadge(string Code, DateTimeOffset EarnedAt, Guid? SessionId = null, Guid? ChallengeId = null);
