using LearnGame.Domain.Sessions;

namespace LearnGame.Grains.Sessions;

/// <summary>The persisted state of a session grain: the game itself and the number of the last event announced.</summary>
public sealed class SessionState
{
    public GameSession? Game { get; set; }
    public long Sequence { get; set; }
}
