using LearnGame.Domain.Questions;
using LearnGame.Domain.Sessions;
using LearnGame.Domain.Sessions.Views;

namespace LearnGame.Grains.Abstractions.Sessions;

/// <summary>Success, or a stable error code with a message.</summary>
[GenerateSerializer, Immutable, Alias("lg.ActionResult")]
public sealed record ActionResult([property: Id(0)] bool Ok, [property: Id(1)] string? Error = null, [property: Id(2)] string? Message = null)
{
    public static readonly ActionResult Success = new(true);
    public static ActionResult Fail(GameError e) => new(false, e.Code, e.Message);
    public static ActionResult Fail(string code, string message) => new(false, code, message);
}

/// <summary>The answer to a join or rejoin: the seat, its secret token (only on first join) and where the game stands.</summary>
[GenerateSerializer, Immutable, Alias("lg.JoinResult")]
public sealed record JoinResult(
    [property: Id(0)] bool Ok,
    [property: Id(1)] string? Error,
    [property: Id(2)] string? Message,
    [property: Id(3)] int SeatId,
    [property: Id(4)] string? SeatToken,
    [property: Id(5)] SessionSnapshot? Snapshot)
{
    public static JoinResult Fail(GameError e) => new(false, e.Code, e.Message, 0, null, null);
}

[GenerateSerializer, Immutable, Alias("lg.HostResult")]
public sealed record HostResult([property: Id(0)] bool Ok, [property: Id(1)] string? Error, [property: Id(2)] string? Message, [property: Id(3)] SessionSnapshot? Snapshot)
{
    public static HostResult Fail(GameError e) => new(false, e.Code, e.Message, null);
}

/// <summary>The acknowledgement of an answer: given only once the answer is durable.</summary>
[GenerateSerializer, Immutable, Alias("lg.AnswerAck")]
public sealed record AnswerAck(
    [property: Id(0)] bool Ok,
    [property: Id(1)] string? Error,
    [property: Id(2)] string? Message,
    [property: Id(3)] int QuestionIndex,
    [property: Id(4)] string? AnswerId,
    [property: Id(5)] bool Repeat)
{
    public static AnswerAck Fail(GameError e, int questionIndex) => new(false, e.Code, e.Message, questionIndex, null, false);
}

/// <summary>Everything a (re)connecting client needs to show the current phase.</summary>
[GenerateSerializer, Immutable, Alias("lg.SessionSnapshot")]
public sealed record SessionSnapshot
{
    [Id(0)] public Guid SessionId { get; init; }
    [Id(1)] public string JoinCode { get; init; } = "";
    [Id(2)] public string Title { get; init; } = "";
    [Id(3)] public string Language { get; init; } = "";
    [Id(4)] public SessionPhase Phase { get; init; }
    [Id(5)] public int QuestionCount { get; init; }
    [Id(6)] public bool Locked { get; init; }
    [Id(7)] public SessionOptions Options { get; init; } = new();
    [Id(8)] public IReadOnlyList<LobbyLearner> Learners { get; init; } = [];
    [Id(9)] public QuestionView? Question { get; init; }
    [Id(10)] public DateTimeOffset? Deadline { get; init; }
    [Id(11)] public DateTimeOffset ServerNow { get; init; }
    [Id(12)] public long RemainingMs { get; init; }
    [Id(13)] public bool Paused { get; init; }
    [Id(14)] public int AnsweredCount { get; init; }
    [Id(15)] public RevealView? Reveal { get; init; }
    [Id(16)] public LeaderboardView? Leaderboard { get; init; }
    [Id(17)] public SeatView? You { get; init; }
    [Id(18)] public long Sequence { get; init; }

    /// <summary>Team session: the teams (empty before automatic teams are formed, and in individual sessions).</summary>
    [Id(19)] public IReadOnlyList<TeamView> Teams { get; init; } = [];

    /// <summary>Peer instruction: when the discussion ends.</summary>
    [Id(20)] public DateTimeOffset? DiscussionDeadline { get; init; }

    /// <summary>How many learners are in the session; <see cref="Learners"/> lists them for trainers only.</summary>
    [Id(21)] public int LearnerCount { get; init; }

    /// <summary>True while the session cannot store its changes and keeps retrying (the <c>storage</c> event).</summary>
    [Id(22)] public bool StorageRetrying { get; init; }

    /// <summary>While a question is open and some learners have extra time: when the last of them must answer.</summary>
    [Id(23)] public DateTimeOffset? LastDeadline { get; init; }

    /// <summary>The shared challenge this session contributes to, and where it stands; null without one.</summary>
    [Id(24)] public LearnGame.Domain.Challenges.ChallengeView? Challenge { get; init; }
}

/// <summary>A learner in the lobby list: public data only.</summary>
[GenerateSerializer, Immutable, Alias("lg.LobbyLearner")]
public sealed record LobbyLearner([property: Id(0)] int SeatId, [property: Id(1)] string Nickname, [property: Id(2)] bool Connected, [property: Id(3)] int? TeamId = null,
    [property: Id(4)] ExtraTime? ExtraTime = null);

/// <summary>The reconnecting learner's own seat: standing, the answer already given, and the last result.</summary>
[GenerateSerializer, Immutable, Alias("lg.SeatView")]
public sealed record SeatView(
    [property: Id(0)] int SeatId,
    [property: Id(1)] string Nickname,
    [property: Id(2)] Standing Standing,
    [property: Id(3)] Answer? Answer,
    [property: Id(4)] string? AnswerId,
    [property: Id(5)] LearnerResult? Result,
    [property: Id(6)] TeamVotesView? TeamVotes = null,
    [property: Id(7)] ExtraTime? ExtraTime = null);

/// <summary>Events of one session, in order, pre-serialised once as UTF-8 JSON for every connection.</summary>
[GenerateSerializer, Immutable, Alias("lg.SessionEventBatch")]
public sealed record SessionEventBatch([property: Id(0)] Guid SessionId, [property: Id(1)] IReadOnlyList<SessionEvent> Events);

/// <summary>
/// One event: a payload for everyone (or only hosts), and optionally one personal payload per seat (ranks, a learner's
/// own deadline) delivered only to that seat's connections, as events named <see cref="PersonalName"/>. With
/// <see cref="InsideAs"/> instead, each seat's personal payload travels inside the event itself, as that property of
/// its payload: each learner gets one message (the reveal with its own result), not the event and then its own.
/// </summary>
[GenerateSerializer, Immutable, Alias("lg.SessionEvent")]
public sealed record SessionEvent(
    [property: Id(0)] long Sequence,
    [property: Id(1)] string Name,
    [property: Id(2)] byte[]? Payload,
    [property: Id(3)] EventAudience Audience,
    [property: Id(4)] string? PersonalName,
    [property: Id(5)] IReadOnlyDictionary<int, byte[]>? Personal,
    [property: Id(6)] string? InsideAs = null);

[GenerateSerializer, Alias("lg.EventAudience")]
public enum EventAudience { Everyone, Hosts, Nobody, Learners }
