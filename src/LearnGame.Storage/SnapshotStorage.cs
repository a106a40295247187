using Orleans.Storage;

namespace LearnGame.Storage;

/// <summary>
/// Serialises a grain's state on the grain's own turn, at the moment it asks for the write, and hands those bytes to
/// Orleans' provider. The provider serialises only once its database connection is open, on another thread, while a
/// reentrant grain goes on changing its state, so it could fail with "Collection was modified" or store a half-changed
/// state. Serialised here, what is stored is exactly the state the grain asked to store.
/// </summary>
public sealed class SnapshotStorage(IGrainStorage inner, LearnGameStateSerializer serializer) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (grainState.State is not { } state)
        {
            await inner.WriteStateAsync(stateName, grainId, grainState);
            return;
        }
        var frozen = serializer.Freeze(state);
        try
        {
            await inner.WriteStateAsync(stateName, grainId, grainState);
        }
        finally
        {
            serializer.Thaw(state, frozen);
        }
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);
}
