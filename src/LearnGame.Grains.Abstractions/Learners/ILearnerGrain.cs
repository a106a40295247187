using LearnGame.Domain.Learners;

namespace LearnGame.Grains.Abstractions.Learners;

/// <summary>
/// A pseudonymous learner profile (key: the learner id, <see cref="LearnerToken.IdOf"/> of the learner token). Only the
/// server calls it: the REST API after checking the token, and session grains. Every change is idempotent.
/// </summary>
public interface ILearnerGrain : IGrainWithGuidKey
{
    Task<LearnerResult> Create(string? displayName);

    Task<LearnerResult> Get();

    Task<LearnerResult> Rename(string? displayName);

    /// <summary>The learner joins a session with its token: remembered so that erasure reaches it. False when there is no profile.</summary>
    Task<bool> Attend(Guid sessionId);

    /// <summary>A finished session's results for this learner; counted once per session id. Ignored without a profile.</summary>
    Task Record(SessionOutcome outcome);

    /// <summary>A shared challenge this learner took part in reached its goal; counted once per challenge.</summary>
    Task CompleteChallenge(Guid challengeId);

    /// <summary>Everything stored about this learner, or null when there is no profile.</summary>
    Task<LearnerExport?> Export();

    /// <summary>Anonymises the learner in every session it joined, then deletes the profile.</summary>
    Task<LearnerResult> Erase();
}

/// <summary>A profile, or why not (<c>learner-not-found</c>, <c>display-name-invalid</c>, <c>unavailable</c>).</summary>
[GenerateSerializer, Immutable, Alias("lg.LearnerResult")]
public sealed record LearnerResult([property: Id(0)] bool Ok, [property: Id(1)] string? Error, [property: Id(2)] string? Message, [property: Id(3)] LearnerProfile? Profile)
{
    public static LearnerResult Fail(Domain.Sessions.GameError e) => new(false, e.Code, e.Message, null);
}

/// <summary>The learner's own data, as exported: the profile and the sessions it joined with its token.</summary>
[GenerateSerializer, Immutable, Alias("lg.LearnerExport")]
public sealed record LearnerExport([property: Id(0)] LearnerProfile Profile, [property: Id(1)] IReadOnlyList<Guid> SessionsJoined, [property: Id(2)] DateTimeOffset ExportedAt);
