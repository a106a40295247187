namespace LearnGame.Domain.Learners;

/// <summary>How experience is earned and how it makes levels (documented in docs/profiles.md).</summary>
public static class XpRules
{
    public const int PerSession = 5;
    public const int PerCorrectAnswer = 10;
    public const int PerOtherAnswer = 2;
    public const int PerfectGameBonus = 20;
    public const int ChallengeCompleted = 50;

    /// <summary>A perfect game needs at least this many graded questions, all answered correctly.</summary>
    public const int PerfectGameMinQuestions = 3;

    /// <summary>XP for one session: taking part, each correct answer, each other answer, and a perfect game.</summary>
    public static int ForSession(SessionOutcome outcome) =>
        PerSession
        + outcome.CorrectCount * PerCorrectAnswer
        + (outcome.AnsweredCount - outcome.CorrectCount) * PerOtherAnswer
        + (IsPerfect(outcome) ? PerfectGameBonus : 0);

    public static bool IsPerfect(SessionOutcome outcome) =>
        outcome.GradedCount >= PerfectGameMinQuestions && outcome.CorrectCount == outcome.GradedCount;

    /// <summary>The XP a level starts at: 50·n·(n−1), so level 2 at 100, 3 at 300, 4 at 600, 5 at 1,000.</summary>
    public static int LevelStart(int level) => 50 * level * (level - 1);

    /// <summary>The level reached with this much XP (1 at 0 XP).</summary>
    public static int Level(int xp)
    {
        var level = 1;
        while (LevelStart(level + 1) <= xp) level++;
        return level;
    }
}
