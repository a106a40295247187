using System.Text.Json.Serialization;
using LearnGame.Domain.Questions;

namespace LearnGame.Domain.Teams;

/// <summary>How a session plays in teams: how teams form, their size, and how a consensus tie is broken.</summary>
public sealed record TeamOptions
{
    public const int MinSize = 2;
    public const int MaxSize = 50;
    public const int MinCount = 2;
    public const int MaxCount = 100;

    /// <summary>Balanced automatically at the start, or chosen by learners in the lobby.</summary>
    public TeamFormation Formation { get; init; } = TeamFormation.Auto;

    /// <summary>Automatic formation: the wished number of members per team (teams differ by one at most).</summary>
    public int Size { get; init; } = 4;

    /// <summary>Learners choose: how many teams the lobby offers.</summary>
    public int Count { get; init; } = 4;

    /// <summary>How a tie between the most voted answers of a consensus round is broken.</summary>
    public TieBreak TieBreak { get; init; } = TieBreak.FirstVote;

    /// <summary>The problems with these options; empty when they are valid.</summary>
    public IEnumerable<ValidationError> Problems()
    {
        if (!Enum.IsDefined(Formation)) yield return new("teams.formation", "formation-invalid", "The formation is \"auto\" or \"choose\".");
        if (Formation == TeamFormation.Auto && Size is < MinSize or > MaxSize)
            yield return new("teams.size", "out-of-range", $"A team has {MinSize} to {MaxSize} members.");
        if (Formation == TeamFormation.Choose && Count is < MinCount or > MaxCount)
            yield return new("teams.count", "out-of-range", $"Learners choose among {MinCount} to {MaxCount} teams.");
        if (!Enum.IsDefined(TieBreak)) yield return new("teams.tieBreak", "tie-break-invalid", "The tie-break is \"firstVote\" or \"captain\".");
    }
}

[JsonConverter(typeof(JsonStringEnumConverter<TeamFormation>))]
public enum TeamFormation
{
    [JsonStringEnumMemberName("auto")] Auto,
    [JsonStringEnumMemberName("choose")] Choose,
}

/// <summary>Which of the tied answers a team gives when its votes are split evenly.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TieBreak>))]
public enum TieBreak
{
    /// <summary>The tied answer whose latest vote came first.</summary>
    [JsonStringEnumMemberName("firstVote")] FirstVote,

    /// <summary>The captain's answer; the captain changes at every consensus round, in seat order.</summary>
    [JsonStringEnumMemberName("captain")] Captain,
}
