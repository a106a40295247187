using LearnGame.Domain.Challenges;
using Orleans.Concurrency;

namespace LearnGame.Grains.Abstractions.Challenges;

/// <summary>A shared goal of one or more sessions (key: challenge id), owned by one trainer space.</summary>
public interface IChallengeGrain : IGrainWithGuidKey
{
    Task<ChallengeResult> Create(string spaceId, string? title, ChallengeGoal? goal);

    /// <summary>The challenge's progress, for its trainer space only.</summary>
    Task<ChallengeResult> Get(string spaceId);

    /// <summary>Adds a session (its host token proves the trainer runs it); the session then contributes its closed questions.</summary>
    Task<ChallengeResult> Attach(string spaceId, Guid sessionId, string hostToken);

    /// <summary>The progress as sessions show it; null if the challenge does not exist. Interleaves, so a session may ask while being told.</summary>
    [AlwaysInterleave]
    Task<ChallengeView?> View();

    /// <summary>
    /// Counts each contribution whose id was not counted before, stores them, then tells every attached session. Throws
    /// when the change could not be stored (nothing counted: retry with the same contributions).
    /// </summary>
    Task<ChallengeView?> Contribute(IReadOnlyList<Contribution> contributions);
}

/// <summary>A challenge's progress, or why not.</summary>
[GenerateSerializer, Immutable, Alias("lg.ChallengeResult")]
public sealed record ChallengeResult([property: Id(0)] bool Ok, [property: Id(1)] string? Error, [property: Id(2)] string? Message, [property: Id(3)] ChallengeView? View)
{
    public static ChallengeResult Fail(string code, string message) => new(false, code, message, null);
}
