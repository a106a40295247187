using LearnGame.Domain.Sessions;

namespace LearnGame.Grains.Sessions;

/// <summary>
/// The persisted closed rounds of a session, kept apart from <see cref="SessionState"/>: written once per closed round
/// instead of at every group commit. The session's own state says how many of them it counts
/// (<see cref="GameSession.RoundsStoredApart"/>).
/// </summary>
public sealed class PlayedRounds
{
    public List<Round> Rounds { get; set; } = [];
}
