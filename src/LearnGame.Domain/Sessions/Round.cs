using System.Text.Json.Serialization;

namespace LearnGame.Domain.Sessions;

/// <summary>One question as it was played: when it opened, the answers received, and whether it was scored or skipped.</summary>
public sealed class Round
{
    [JsonInclude] public int QuestionIndex { get; internal set; }
    [JsonInclude] public DateTimeOffset OpenedAt { get; internal set; }
    [JsonInclude] public DateTimeOffset? Deadline { get; internal set; }

    /// <summary>Set while paused: the time left when the trainer paused.</summary>
    [JsonInclude] public TimeSpan? PausedRemaining { get; internal set; }
    [JsonInclude] public bool Closed { get; internal set; }
    [JsonInclude] public bool Skipped { get; internal set; }
    [JsonInclude] public Dictionary<int, SubmittedAnswer> Answers { get; internal set; } = [];

    /// <summary>Peer instruction: the first vote (and the discussion after it) or the second vote; none otherwise.</summary>
    [JsonInclude] public PeerStage Stage { get; internal set; }

    /// <summary>Peer instruction: the first votes, kept when the second vote opens.</summary>
    [JsonInclude] public Dictionary<int, SubmittedAnswer>? FirstAnswers { get; internal set; }

    /// <summary>Peer instruction: when the discussion ends and the second vote opens.</summary>
    [JsonInclude] public DateTimeOffset? DiscussionDeadline { get; internal set; }

    /// <summary>Team session: how each team did in this round, once it is closed.</summary>
    [JsonInclude] public List<Teams.TeamRoundResult>? TeamResults { get; internal set; }

    /// <summary>Played as a team consensus (a collaborative question in a team session).</summary>
    [JsonInclude] public bool Consensus { get; internal set; }

    /// <summary>
    /// Learners with extra time (fixed when the question opened): how much later their deadline is than
    /// <see cref="Deadline"/>. Null when nobody has any.
    /// </summary>
    [JsonInclude] public Dictionary<int, TimeSpan>? ExtraTime { get; internal set; }

    [JsonIgnore] public bool Paused => PausedRemaining is not null;

    /// <summary>Time left to answer at <paramref name="now"/> without extra time; frozen while paused.</summary>
    public TimeSpan Remaining(DateTimeOffset now) => Max(TimeSpan.Zero, Unclamped(now));

    /// <summary>Time left to answer for one learner, with its extra time.</summary>
    public TimeSpan RemainingFor(int seatId, DateTimeOffset now) =>
        Closed || Deadline is null ? TimeSpan.Zero : Max(TimeSpan.Zero, Unclamped(now) + ExtraFor(seatId));

    /// <summary>How much later than <see cref="Deadline"/> this learner may answer.</summary>
    public TimeSpan ExtraFor(int seatId) => ExtraTime?.GetValueOrDefault(seatId) ?? TimeSpan.Zero;

    /// <summary>This learner's own deadline.</summary>
    public DateTimeOffset? DeadlineFor(int seatId) => Deadline + ExtraFor(seatId);

    /// <summary>The latest of the learners' deadlines: the question closes by itself then.</summary>
    [JsonIgnore] public DateTimeOffset? LastDeadline => Deadline + (ExtraTime is { Count: > 0 } extra ? extra.Values.Max() : TimeSpan.Zero);

    /// <summary>
    /// Time left before <see cref="Deadline"/>, negative once it has passed (learners with extra time are still
    /// answering then); frozen while paused.
    /// </summary>
    internal TimeSpan Unclamped(DateTimeOffset now) =>
        PausedRemaining ?? (Closed || Deadline is null ? TimeSpan.Zero : Deadline.Value - now);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
