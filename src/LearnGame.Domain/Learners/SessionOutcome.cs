namespace LearnGame.Domain.Learners;

/// <summary>How one question went for one learner: whether it was answered, graded (not a poll) and right.</summary>
public sealed record QuestionOutcome(int QuestionIndex, bool Answered, bool Graded, bool Correct, int Points);

/// <summary>
/// What a finished session tells a learner's profile about its seat: the figures of the history entry. Built by the
/// session (<see cref="Sessions.GameSession.OutcomeOf"/>) and recorded once per session id.
/// </summary>
public sealed record SessionOutcome(
    Guid SessionId,
    string Title,
    DateTimeOffset FinishedAt,
    string Nickname,
    int Score,
    int Rank,
    int LearnerCount,
    int BestStreak,
    bool TeamGame,
    IReadOnlyList<QuestionOutcome> Questions)
{
    public int AnsweredCount => Questions.Count(q => q.Answered);
    public int GradedCount => Questions.Count(q => q.Graded);
    public int CorrectCount => Questions.Count(q => q.Graded && q.Correct);
}

/// <summary>One session in a learner's history: the outcome, and the XP and badges it earned.</summary>
public sealed record PlayedSession(SessionOutcome Outcome, int Xp, IReadOnlyList<string> Badges);
