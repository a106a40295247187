using LearnGame.Grains.Abstractions.JoinCodes;

namespace LearnGame.Grains.JoinCodes;

/// <summary>Holds which live session a 6-digit code leads to; one grain per code, so two sessions never share one.</summary>
public sealed class JoinCodeGrain([PersistentState("joincode", GrainStorage.Name)] IPersistentState<JoinCodeState> state)
    : Grain, IJoinCodeGrain
{
    public async Task<bool> Claim(Guid sessionId)
    {
        if (state.State.SessionId is { } holder) return holder == sessionId;
        state.State.SessionId = sessionId;
        await state.WriteStateAsync();
        return true;
    }

    public Task<Guid?> Resolve() => Task.FromResult(state.State.SessionId);

    public async Task Release(Guid sessionId)
    {
        if (state.State.SessionId != sessionId) return;
        state.State.SessionId = null;
        await state.WriteStateAsync();
    }
}

/// <summary>The persisted holder of a code.</summary>
public sealed class JoinCodeState
{
    public Guid? SessionId { get; set; }
}
