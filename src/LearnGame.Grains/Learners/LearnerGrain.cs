using LearnGame.Domain.Learners;
using LearnGame.Domain.Sessions;
using LearnGame.Grains.Abstractions.Learners;
using LearnGame.Grains.Abstractions.Sessions;
using Microsoft.Extensions.Logging;

namespace LearnGame.Grains.Learners;

/// <summary>
/// One learner's profile. Thin: XP, levels and badges are <see cref="LearnerProfile"/>'s rules; this grain stores
/// each change before answering, so a session that retries a delivery it could not confirm never counts twice.
/// </summary>
public sealed partial class LearnerGrain(
    [PersistentState("learner", GrainStorage.Name)] IPersistentState<LearnerState> state,
    TimeProvider time,
    ILogger<LearnerGrain> log) : Grain, ILearnerGrain
{
    public static readonly GameError NotFound = new("learner-not-found", "No learner profile for this token (never created, or erased).");
    public static readonly GameError Exists = new("learner-exists", "This learner profile already exists.");
    public static readonly GameError Unavailable = new("unavailable", "The profile could not be changed right now; try again.");

    // Set when a write failed: memory may hold what storage does not, so nothing more is served from it.
    private bool _stale;

    private LearnerProfile? Profile => _stale
        ? throw new InvalidOperationException("This profile's activation is being replaced after a failed write; retry.")
        : state.State.Profile;

    public async Task<LearnerResult> Create(string? displayName)
    {
        if (Profile is not null) return LearnerResult.Fail(Exists);
        var (profile, error) = LearnerProfile.Create(displayName, time.GetUtcNow());
        if (error is not null) return LearnerResult.Fail(error);
        state.State.Profile = profile;
        await Store();
        return Found();
    }

    public Task<LearnerResult> Get() => Task.FromResult(Profile is null ? LearnerResult.Fail(NotFound) : Found());

    public async Task<LearnerResult> Rename(string? displayName)
    {
        if (Profile is not { } profile) return LearnerResult.Fail(NotFound);
        if (profile.Rename(displayName) is { } error) return LearnerResult.Fail(error);
        await Store();
        return Found();
    }

    public async Task<bool> Attend(Guid sessionId)
    {
        if (Profile is null) return false;
        if (state.State.SessionsJoined.Contains(sessionId)) return true;
        state.State.SessionsJoined.Add(sessionId);
        await Store();
        return true;
    }

    public async Task Record(SessionOutcome outcome)
    {
        // A profile erased meanwhile is not recreated by a late delivery.
        if (Profile is not { } profile) return;
        if (!profile.Record(outcome, time.GetUtcNow())) return;
        await Store();
    }

    public async Task CompleteChallenge(Guid challengeId)
    {
        if (Profile is not { } profile) return;
        if (!profile.CompleteChallenge(challengeId, time.GetUtcNow())) return;
        await Store();
    }

    public Task<LearnerExport?> Export() =>
        Task.FromResult(Profile is { } profile ? new LearnerExport(profile, state.State.SessionsJoined.ToList(), time.GetUtcNow()) : null);

    public async Task<LearnerResult> Erase()
    {
        if (Profile is not { } profile) return LearnerResult.Fail(NotFound);
        var id = this.GetPrimaryKey();
        var sessions = state.State.SessionsJoined.Concat(profile.History.Select(h => h.Outcome.SessionId)).Distinct().ToList();
        try
        {
            // Sessions first: if one cannot be reached, the profile stays and the learner can try again.
            await Task.WhenAll(sessions.Select(s => GrainFactory.GetGrain<ISessionGrain>(s).ForgetLearner(id)));
        }
        catch (Exception e)
        {
            LogEraseFailed(log, e, id);
            return LearnerResult.Fail(Unavailable);
        }
        await state.ClearStateAsync();
        state.State = new LearnerState();
        LogErased(log, id, sessions.Count);
        return new LearnerResult(true, null, null, null);
    }

    private LearnerResult Found() => new(true, null, null, Profile);

    private async Task Store()
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // The change is in memory but not stored: start again from what is stored, so a retry counts it once.
            _stale = true;
            DeactivateOnIdle();
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Learner {LearnerId} erased; anonymised in {Sessions} sessions")]
    private static partial void LogErased(ILogger log, Guid learnerId, int sessions);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Learner {LearnerId}: erasure could not reach every session; the profile is kept")]
    private static partial void LogEraseFailed(ILogger log, Exception e, Guid learnerId);
}

/// <summary>The stored profile (null before creation and after erasure) and the sessions joined with the token.</summary>
public sealed class LearnerState
{
    public LearnerProfile? Profile { get; set; }
    public List<Guid> SessionsJoined { get; set; } = [];
}
