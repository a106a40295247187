using Orleans.Storage;

namespace LearnGame.Storage;

/// <summary>
/// Lets one write (or clear) at a time reach the database; the others wait for their turn without holding a thread.
/// SQLite takes one writer at a time, and Microsoft.Data.Sqlite waits for a busy database by blocking its thread and
/// retrying: with 400 sessions writing at once, that held the silo's threads for whole seconds (Orleans reported grain
/// turns of over a second) and every latency grew. Reads go straight through (WAL readers do not wait for the writer).
/// </summary>
public sealed class OneWriterStorage(IGrainStorage inner) : IGrainStorage
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await _turn.WaitAsync();
        try
        {
            await inner.WriteStateAsync(stateName, grainId, grainState);
        }
        finally
        {
            _turn.Release();
        }
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await _turn.WaitAsync();
        try
        {
            await inner.ClearStateAsync(stateName, grainId, grainState);
        }
        finally
        {
            _turn.Release();
        }
    }
}
