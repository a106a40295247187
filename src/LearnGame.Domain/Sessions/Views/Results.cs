using LearnGame.Domain.Questions;

namespace LearnGame.Domain.Sessions.Views;

/// <summary>What everyone sees when a question closes: the right answer, how the class answered, the explanation.</summary>
public sealed record RevealView(
    int QuestionIndex,
    Answer? CorrectAnswer,
    IReadOnlyList<string>? AcceptedAnswers,
    double? Tolerance,
    IReadOnlyDictionary<string, int> Distribution,
    int AnsweredCount,
    int CorrectCount,
    int LearnerCount,
    string? Explanation,
    bool Skipped);

/// <summary>One learner's own result for the last closed question.</summary>
public sealed record LearnerResult(
    int QuestionIndex,
    bool Answered,
    bool Graded,
    bool Correct,
    double Credit,
    int Points,
    int Streak,
    int Score,
    int Rank,
    int LearnerCount);

/// <summary>One line of a leaderboard or podium.</summary>
public sealed record LeaderboardEntry(int Rank, int SeatId, string Nickname, int Score, int CorrectCount);

/// <summary>The top of the ranking and how many learners are ranked.</summary>
public sealed record LeaderboardView(IReadOnlyList<LeaderboardEntry> Top, int LearnerCount);

/// <summary>A learner's standing: rank, score and streak.</summary>
public sealed record Standing(int SeatId, int Rank, int Score, int Streak, int CorrectCount, int QuestionCount);
