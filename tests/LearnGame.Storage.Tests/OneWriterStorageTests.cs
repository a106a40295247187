using LearnGame.Storage;
using Orleans.Storage;

namespace LearnGame.Storage.Tests;

public sealed class OneWriterStorageTests
{
    [Fact]
    public async Task Writes_and_clears_reach_the_database_one_at_a_time_in_turn_and_reads_do_not_wait()
    {
        var database = new GatedStorage();
        var storage = new OneWriterStorage(database);
        var state = new GrainState<string> { State = "x" };
        var id = GrainId.Create("test", "one");

        var writes = Enumerable.Range(0, 4).Select(_ => storage.WriteStateAsync("s", id, state)).ToList();
        var clear = storage.ClearStateAsync("s", id, state);
        await storage.ReadStateAsync("s", id, state); // not held behind the writer

        for (var done = 0; done < 5; done++)
        {
            await database.Entered.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(1, database.InFlight);
            database.ReleaseOne();
        }
        await Task.WhenAll(writes.Append(clear)).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, database.MostInFlight);
        Assert.Equal((4, 1, 1), (database.Writes, database.Clears, database.Reads));
    }

    [Fact]
    public async Task A_failed_write_gives_the_next_one_its_turn()
    {
        var database = new GatedStorage { FailNext = true };
        var storage = new OneWriterStorage(database);
        var state = new GrainState<string> { State = "x" };
        var id = GrainId.Create("test", "two");

        var failing = storage.WriteStateAsync("s", id, state);
        var next = storage.WriteStateAsync("s", id, state);
        await database.Entered.WaitAsync(TimeSpan.FromSeconds(30));
        database.ReleaseOne();
        await Assert.ThrowsAsync<IOException>(() => failing);
        await database.Entered.WaitAsync(TimeSpan.FromSeconds(30));
        database.ReleaseOne();
        await next.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, database.Writes);
    }

    /// <summary>A database where each write or clear waits until the test lets it through, and which counts overlaps.</summary>
    private sealed class GatedStorage : IGrainStorage
    {
        private readonly Queue<TaskCompletionSource> _waiting = new();
        private readonly SemaphoreSlim _entered = new(0);
        private int _inFlight;

        public int InFlight => Volatile.Read(ref _inFlight);
        public int MostInFlight { get; private set; }
        public int Writes { get; private set; }
        public int Clears { get; private set; }
        public int Reads { get; private set; }
        public bool FailNext { get; set; }

        public SemaphoreSlim Entered => _entered;

        public void ReleaseOne()
        {
            lock (_waiting) _waiting.Dequeue().SetResult();
        }

        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            Reads++;
            return Task.CompletedTask;
        }

        public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            await Gate();
            if (FailNext)
            {
                FailNext = false;
                Interlocked.Decrement(ref _inFlight);
                throw new IOException("The test database is down.");
            }
            Writes++;
            Interlocked.Decrement(ref _inFlight);
        }

        public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            await Gate();
            Clears++;
            Interlocked.Decrement(ref _inFlight);
        }

        private Task Gate()
        {
            MostInFlight = Math.Max(MostInFlight, Interlocked.Increment(ref _inFlight));
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_waiting) _waiting.Enqueue(gate);
            _entered.Release();
            return gate.Task;
        }
    }
}
