using System.Text.Json.Serialization;

namespace LearnGame.Domain.Teams;

/// <summary>A team of a session. Its score belongs to the team: it stays when members leave or move.</summary>
public sealed class Team
{
    [JsonInclude] public int Id { get; internal set; }
    [JsonInclude] public string Name { get; internal set; } = "";

    /// <summary>A colour for screens (CSS hex); never the only way to tell teams apart: the name is.</summary>
    [JsonInclude] public string Colour { get; internal set; } = "";
    [JsonInclude] public int Score { get; internal set; }

    /// <summary>Rounds in which the team's result was fully correct, the first tie-breaker.</summary>
    [JsonInclude] public int CorrectCount { get; internal set; }
}

/// <summary>How one team did in one round: its answer (consensus rounds), credit and points.</summary>
public sealed class TeamRoundResult
{
    [JsonInclude] public int TeamId { get; internal set; }

    /// <summary>The team's answer in a consensus round; null in an individual round or when nobody voted.</summary>
    [JsonInclude] public Questions.Answer? Answer { get; internal set; }
    [JsonInclude] public int Votes { get; internal set; }
    [JsonInclude] public int Members { get; internal set; }
    [JsonInclude] public double Credit { get; internal set; }
    [JsonInclude] public bool Correct { get; internal set; }
    [JsonInclude] public int Points { get; internal set; }
}
