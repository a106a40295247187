using System.Text.Json.Serialization;

namespace LearnGame.Domain.Sessions;

// Sent and stored as its number: docs/protocol.md names the stages `stage` 1 and 2.
/// <summary>Where a round stands in peer instruction (vote, discuss, revote).</summary>
[JsonConverter(typeof(JsonNumberEnumConverter<PeerStage>))]
public enum PeerStage
{
    /// <summary>Not a peer-instruction round.</summary>
    None = 0,

    /// <summary>The first vote, not revealed, and the discussion that follows it.</summary>
    FirstVote = 1,

    /// <summary>The second vote, the one that is scored.</summary>
    SecondVote = 2,
}
