using LearnGame.Domain.Reports;
using LearnGame.Domain.Sessions;

namespace LearnGame.Grains.Sessions;

/// <summary>The persisted state of a session grain: the game itself, the number of the last event announced, and who relays it.</summary>
public sealed class SessionState
{
    public GameSession? Game { get; set; }

    /// <summary>Set when the retention period purged the game: the aggregates that remain (then <see cref="Game"/> is null).</summary>
    public SessionArchive? Archive { get; set; }
    public long Sequence { get; set; }

    /// <summary>
    /// How many of the game's first rounds are stored in rows of their own: the stored game leaves them out, and they
    /// are put back in front of its rounds when it is read.
    /// </summary>
    public int RoundsStoredApart { get; set; }

    /// <summary>The number of this checkpoint: the journal's chunks of the same epoch hold the joins and answers made after it.</summary>
    public long JournalEpoch { get; set; }

    /// <summary>The silos' relays (grain id → last renewal), so events keep flowing after the session moves.</summary>
    public Dictionary<string, DateTimeOffset> Relays { get; set; } = [];

    /// <summary>The shared challenge this session contributes to, if any.</summary>
    public Guid? ChallengeId { get; set; }

    /// <summary>Set once every profiled learner has its results: a re-activated session does not need to send them again.</summary>
    public bool ProfilesRecorded { get; set; }
}

