using LearnGame.Domain.Challenges;
using LearnGame.Grains.Abstractions.Challenges;
using LearnGame.Grains.Abstractions.Sessions;
using Microsoft.Extensions.Logging;

namespace LearnGame.Grains.Challenges;

/// <summary>
/// A shared challenge. Thin: counting is <see cref="Challenge"/>'s (by contribution id, so duplicates count once).
/// Contributions are stored before they are acknowledged or announced; if a write fails the activation is dropped
/// and the next call starts again from what is stored, so a retried contribution counts exactly once.
/// </summary>
public sealed partial class ChallengeGrain(
    [PersistentState("challenge", GrainStorage.Name)] IPersistentState<ChallengeState> state,
    TimeProvider time,
    ILogger<ChallengeGrain> log) : Grain, IChallengeGrain
{
    private static readonly ChallengeResult NotFound = ChallengeResult.Fail("challenge-not-found", "No such challenge in your space.");

    // Set when a write failed: memory may hold what storage does not, so nothing more is served from it.
    private bool _stale;

    private Challenge? Current => state.State.Challenge;

    public async Task<ChallengeResult> Create(string spaceId, string? title, ChallengeGoal? goal)
    {
        ThrowIfStale();
        if (Current is not null) return ChallengeResult.Fail("challenge-exists", "This challenge already exists.");
        var (challenge, problems) = Challenge.Create(this.GetPrimaryKey(), title, goal, time.GetUtcNow());
        if (challenge is null) return ChallengeResult.Fail("challenge-invalid", string.Join(" ", problems.Select(p => $"{p.Path}: {p.Message}")));
        state.State.Challenge = challenge;
        state.State.SpaceId = spaceId;
        await Store();
        return new ChallengeResult(true, null, null, challenge.View());
    }

    public Task<ChallengeResult> Get(string spaceId)
    {
        ThrowIfStale();
        return Task.FromResult(Owned(spaceId) is { } challenge ? new ChallengeResult(true, null, null, challenge.View()) : NotFound);
    }

    public async Task<ChallengeResult> Attach(string spaceId, Guid sessionId, string hostToken)
    {
        ThrowIfStale();
        if (Owned(spaceId) is not { } challenge) return NotFound;
        // The session checks the host token and remembers its challenge first; a session it names contributes anyway.
        var attached = await GrainFactory.GetGrain<ISessionGrain>(sessionId).AttachChallenge(hostToken, this.GetPrimaryKey());
        if (!attached.Ok) return new ChallengeResult(false, attached.Error, attached.Message, null);
        if (!challenge.Sessions.Contains(sessionId))
        {
            if (challenge.Attach(sessionId) is { } error) return ChallengeResult.Fail(error.Code, error.Message);
            await Store();
            Notify(challenge);
        }
        return new ChallengeResult(true, null, null, challenge.View());
    }

    public Task<ChallengeView?> View() => Task.FromResult(_stale ? null : Current?.View());

    public async Task<ChallengeView?> Contribute(IReadOnlyList<Contribution> contributions)
    {
        ThrowIfStale();
        if (Current is not { } challenge) return null;
        var now = time.GetUtcNow();
        var wasReached = challenge.Reached;
        var counted = contributions.Count(c => challenge.Contribute(c, now));
        if (counted == 0) return challenge.View();
        await Store();
        if (!wasReached && challenge.Reached) LogReached(log, challenge.Id, challenge.Sessions.Count);
        Notify(challenge);
        return challenge.View();
    }

    /// <summary>Every attached session shows the joint progress (one-way calls: a slow session delays nobody).</summary>
    private void Notify(Challenge challenge)
    {
        var view = challenge.View();
        foreach (var session in challenge.Sessions) _ = GrainFactory.GetGrain<ISessionGrain>(session).ChallengeChanged(view);
    }

    private Challenge? Owned(string spaceId) => state.State.SpaceId == spaceId ? Current : null;

    private void ThrowIfStale()
    {
        if (_stale) throw new InvalidOperationException("This challenge activation is being replaced after a failed write; retry.");
    }

    private async Task Store()
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception e)
        {
            _stale = true;
            DeactivateOnIdle();
            LogWriteFailed(log, e, this.GetPrimaryKey());
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Challenge {ChallengeId} reached its goal ({Sessions} sessions)")]
    private static partial void LogReached(ILogger log, Guid challengeId, int sessions);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Challenge {ChallengeId}: could not store a change; the activation is replaced")]
    private static partial void LogWriteFailed(ILogger log, Exception e, Guid challengeId);
}

/// <summary>The stored challenge and the trainer space that owns it.</summary>
public sealed class ChallengeState
{
    public Challenge? Challenge { get; set; }
    public string? SpaceId { get; set; }
}
