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

    /// <summary>Peer instruction: 1 during the first vote and the discussion, 2 during the second vote; 0 otherwise.</summary>
    [JsonInclude] public int Stage { get; internal set; }

    /// <summary>Peer instruction: the first votes, kept when the second vote opens.</summary>
    [JsonInclude] public Dictionary<int, SubmittedAnswer>? FirstAnswers { get; internal set; }

    /// <summary>Peer instruction: when the discussion ends and the second vote opens.</summary>
    [JsonInclude] public DateTimeOffset? DiscussionDeadline { get; internal set; }

    /// <summary>Team session: how each team did in this round, once it is closed.</summary>
    [JsonInclude] public List<Teams.TeamRoundResult>? TeamResults { get; internal set; }

    /// <summary>Played as a team consensus (a collaborative question in a team session).</summary>
    [JsonInclude] public bool Consensus { get; internal set; }

    [JsonIgnore] public bool Paused => PausedRemaining is not null;

    /// <summary>Time left to answer at <paramref name="now"/>; frozen while paused.</summary>
    public TimeSpan Remaining(DateTimeOffset now) =>
        PausedRemaining ?? (Closed || Deadline is null ? TimeSpan.Zero : Max(TimeSpan.Zero, Deadline.Value - now));

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
