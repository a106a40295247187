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
    bool Skipped,
    IReadOnlyList<TeamResultView>? Teams = null,
    IReadOnlyDictionary<string, int>? FirstDistribution = null,
    int? FirstCorrectCount = null,
    int? ChangedTowardCorrect = null);

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
    int LearnerCount,
    TeamResultView? Team = null,
    bool? OwnVoteCorrect = null);

/// <summary>One line of a leaderboard or podium.</summary>
public sealed record LeaderboardEntry(int Rank, int SeatId, string Nickname, int Score, int CorrectCount);

/// <summary>The top of the ranking and how many learners are ranked.</summary>
public sealed record LeaderboardView(IReadOnlyList<LeaderboardEntry> Top, int LearnerCount, IReadOnlyList<TeamEntry>? Teams = null);

/// <summary>One line of the team leaderboard: every team, in rank order.</summary>
public sealed record TeamEntry(int Rank, int TeamId, string Name, string Colour, int Score, int CorrectCount, int Members);

/// <summary>How a team did in the round just closed: its answer in a consensus round, its points and its standing.</summary>
public sealed record TeamResultView(int TeamId, string Name, string Colour, Answer? Answer, int Votes, int Members, bool Correct, int Points, int Score, int Rank);

/// <summary>The live votes of one team in a consensus round, pushed to that team's members only.</summary>
public sealed record TeamVotesView(int QuestionIndex, int TeamId, IReadOnlyList<MemberVote> Votes);

public sealed record MemberVote(int SeatId, string Nickname, Answer? Answer);

/// <summary>A team as the lobby shows it.</summary>
public sealed record TeamView(int TeamId, string Name, string Colour, int Members);

/// <summary>A learner's standing: rank, score and streak.</summary>
public sealed record Standing(int SeatId, int Rank, int Score, int Streak, int CorrectCount, int QuestionCount,
    int? TeamId = null, int? TeamRank = null, int? TeamScore = null);
