using System.Text.Json.Serialization;

namespace LearnGame.Domain.Sessions;

/// <summary>Where a live session stands: Lobby → QuestionOpen → Reveal → Leaderboard → … → Podium → Ended.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SessionPhase>))]
public enum SessionPhase
{
    Lobby,
    QuestionOpen,
    Reveal,
    Leaderboard,
    Podium,
    Ended,

    /// <summary>Peer instruction: between the first and the second vote, learners discuss (in their teams, or with neighbours).</summary>
    Discussion,
}
