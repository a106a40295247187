using System.Text.Json.Serialization;
using LearnGame.Domain.Questions;

namespace LearnGame.Domain.Sessions;

/// <summary>One learner's answer to one round, as received and, once the round closes, as scored.</summary>
public sealed class SubmittedAnswer
{
    [JsonInclude] public string AnswerId { get; internal set; } = "";
    [JsonInclude] public Answer Answer { get; internal set; } = new();
    [JsonInclude] public DateTimeOffset ReceivedAt { get; internal set; }
    [JsonInclude] public long ElapsedMs { get; internal set; }
    [JsonInclude] public double Credit { get; internal set; }
    [JsonInclude] public bool Correct { get; internal set; }
    [JsonInclude] public int Points { get; internal set; }
    [JsonInclude] public int StreakAfter { get; internal set; }

    /// <summary>Consensus round: the credit of this member's own vote (the scored result is the team's).</summary>
    [JsonInclude] public double? OwnCredit { get; internal set; }

    /// <summary>Consensus round: ids of the votes this one replaced, so that a late retry of one changes nothing.</summary>
    [JsonInclude] public List<string>? ReplacedAnswerIds { get; internal set; }

    /// <summary>A copy of the answer as it is now, which the round's scoring (points, streak) does not reach.</summary>
    public SubmittedAnswer Copy() => (SubmittedAnswer)MemberwiseClone();
}
