using LearnGame.Domain.Sessions.Views;

namespace LearnGame.Grains.Abstractions.Sessions;

/// <summary>The names of the server events of docs/protocol.md, and their payloads.</summary>
public static class SessionEvents
{
    public const string Lobby = "lobby";
    public const string Question = "question";
    public const string AnswerCount = "answerCount";
    public const string Paused = "paused";
    public const string Resumed = "resumed";
    public const string Reveal = "reveal";
    /// <summary>A learner's own result: not an event of its own, but the property of that learner's <see cref="Reveal"/>.</summary>
    public const string Result = "result";
    public const string Leaderboard = "leaderboard";
    /// <summary>
    /// A learner's own standing: an event of its own when its team is given or changed, and otherwise the property of
    /// that learner's <see cref="Leaderboard"/>, <see cref="Podium"/> and <see cref="Ended"/>.
    /// </summary>
    public const string Standing = "standing";
    public const string Podium = "podium";
    public const string Ended = "ended";
    public const string Kicked = "kicked";
    public const string Discussion = "discussion";
    public const string TeamVotes = "teamVotes";
    public const string Storage = "storage";
    public const string YourDeadline = "yourDeadline";
    public const string Challenge = "challenge";
}

/// <summary>The lobby list changed, or the lobby was locked or unlocked.</summary>
public sealed record LobbyPayload(IReadOnlyList<LobbyLearner> Learners, int Count, bool Locked, IReadOnlyList<TeamView>? Teams = null);

/// <summary>Peer instruction: the first vote is closed; learners discuss until the deadline (or the trainer's "next").</summary>
public sealed record DiscussionPayload(int QuestionIndex, DateTimeOffset Deadline, DateTimeOffset ServerNow, long RemainingMs, int AnsweredCount);

/// <summary>A question opened (or resumed): the deadline and the server's clock, to count down in sync.</summary>
public sealed record QuestionPayload(QuestionView Question, DateTimeOffset Deadline, DateTimeOffset ServerNow, long RemainingMs, DateTimeOffset? LastDeadline = null);

/// <summary>Personal, with <c>question</c> and <c>resumed</c>: the later deadline of a learner with extra time.</summary>
public sealed record YourDeadlinePayload(int QuestionIndex, DateTimeOffset Deadline, DateTimeOffset ServerNow, long RemainingMs, long ExtraMs);

public sealed record AnswerCountPayload(int QuestionIndex, int Answered, int Learners);

public sealed record PausedPayload(int QuestionIndex, long RemainingMs);

public sealed record PodiumPayload(IReadOnlyList<LeaderboardEntry> Podium, LeaderboardView Leaderboard);

public sealed record EndedPayload(LeaderboardView Final);

public sealed record KickedPayload(string Reason);

/// <summary>Whether the session's changes are being stored: <c>retrying</c> while storage fails, <c>ok</c> once it is back.</summary>
public sealed record StoragePayload(string State)
{
    public const string Retrying = "retrying";
    public const string Ok = "ok";
}
