using System.Text;
using LearnGame.Storage;
using Orleans.Storage;

namespace LearnGame.Storage.Tests;

public sealed class SnapshotStorageTests
{
    public sealed class Answers
    {
        public Dictionary<int, string> BySeat { get; set; } = [];
    }

    /// <summary>
    /// Orleans' provider serialises once its connection is open, on another thread; a reentrant grain has changed its
    /// state by then. The bytes stored must be the state as it was when the grain asked for the write.
    /// </summary>
    [Fact]
    public async Task What_is_stored_is_the_state_when_the_write_was_asked_for_not_when_the_provider_serialised_it()
    {
        var serializer = new LearnGameStateSerializer();
        var database = new LateSerialisingStorage(serializer);
        var storage = new SnapshotStorage(database, serializer);
        var state = new GrainState<Answers> { State = new Answers { BySeat = { [1] = "first" } } };

        var write = storage.WriteStateAsync("session", GrainId.Create("test", "a"), state);
        state.State.BySeat[2] = "arrived during the write"; // the grain's next turn
        database.Go.SetResult();
        await write.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Contains("first", database.Stored);
        Assert.DoesNotContain("arrived during the write", database.Stored);

        // The next write stores the state as it is then.
        database.Go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        database.Go.SetResult();
        await storage.WriteStateAsync("session", GrainId.Create("test", "a"), state).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains("arrived during the write", database.Stored);
    }

    [Fact]
    public async Task A_failed_write_leaves_nothing_frozen()
    {
        var serializer = new LearnGameStateSerializer();
        var database = new LateSerialisingStorage(serializer) { Fail = true };
        var storage = new SnapshotStorage(database, serializer);
        var state = new GrainState<Answers> { State = new Answers { BySeat = { [1] = "before" } } };
        database.Go.SetResult();

        await Assert.ThrowsAsync<IOException>(() => storage.WriteStateAsync("session", GrainId.Create("test", "b"), state));
        state.State.BySeat[1] = "after";

        Assert.Contains("after", serializer.Serialize(state.State).ToString());
    }

    /// <summary>Like Orleans' ADO.NET provider: serialises only after an await that leaves the caller's turn.</summary>
    private sealed class LateSerialisingStorage(LearnGameStateSerializer serializer) : IGrainStorage
    {
        public TaskCompletionSource Go { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public string Stored { get; private set; } = "";
        public bool Fail { get; init; }

        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Task.CompletedTask;

        public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            await Go.Task.ConfigureAwait(false);
            if (Fail) throw new IOException("The test database is down.");
            Stored = Encoding.UTF8.GetString(serializer.Serialize(grainState.State).ToArray());
        }

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Task.CompletedTask;
    }
}
