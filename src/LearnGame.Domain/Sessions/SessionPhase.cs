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
}
