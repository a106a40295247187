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

    [Fact]
    public async Task A_reminders_writes_wait_for_the_write_in_progress_and_its_reads_do_not()
    {
        var database = new GatedStorage();
        var storage = new OneWriterStorage(database);
        var reminders = new RecordingReminderTable();
        var table = new OneWriterReminderTable(reminders, storage);
        var id = GrainId.Create("test", "three");

        var write = storage.WriteStateAsync("s", id, new GrainState<string> { State = "x" });
        await database.Entered.WaitAsync(TimeSpan.FromSeconds(30));
        var upsert = table.UpsertRow(new ReminderEntry { GrainId = id, ReminderName = "purge" });
        var remove = table.RemoveRow(id, "purge", "1");
        await table.ReadRow(id, "purge"); // not held behind the writer
        await table.ReadRows(id);

        Assert.Equal(["read", "read-grain"], reminders.Calls);
        database.ReleaseOne();
        Assert.Equal("2", await upsert.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.True(await remove.WaitAsync(TimeSpan.FromSeconds(30)));
        await write;

        // In the order they were asked for, each after the storage write that was running.
        Assert.Equal(["read", "read-grain", "upsert", "remove"], reminders.Calls);
    }

    /// <summary>
    /// On the thread pool, each wake-up of the writer waited behind the silo's queued work: at the first question of 400
    /// classrooms on PostgreSQL, thousands of updates waited over 100 ms for their transaction to start. The first operation makes
    /// sure the writer has gone to sleep once, as it does between bursts.
    /// </summary>
    [Fact]
    public async Task The_writer_wakes_on_a_thread_of_its_own_not_on_the_thread_pool()
    {
        using var storage = new OneWriterStorage(new GatedStorage());

        await storage.InTurn(() => Task.FromResult(true)).WaitAsync(TimeSpan.FromSeconds(30));
        var onThePool = await storage.InTurn(() => Task.FromResult(Thread.CurrentThread.IsThreadPoolThread)).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(onThePool);
    }

    [Fact]
    public async Task Once_disposed_it_finishes_the_write_in_progress_and_refuses_the_next_ones()
    {
        var database = new GatedStorage();
        var storage = new OneWriterStorage(database);
        var state = new GrainState<string> { State = "x" };
        var id = GrainId.Create("test", "four");

        var write = storage.WriteStateAsync("s", id, state);
        await database.Entered.WaitAsync(TimeSpan.FromSeconds(30));
        var disposing = Task.Run(storage.Dispose);
        database.ReleaseOne();
        await disposing.WaitAsync(TimeSpan.FromSeconds(30));
        // Disposing waited for it: the database had it before disposing returned (the caller's task completes on a
        // thread-pool hop of its own, so it may come a moment later, and it succeeds).
        Assert.Equal(1, database.Writes);
        await write.WaitAsync(TimeSpan.FromSeconds(30));

        await Assert.ThrowsAsync<ObjectDisposedException>(() => storage.WriteStateAsync("s", id, state).WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(1, database.Writes);
    }

    /// <summary>A reminder table that records its calls, in order.</summary>
    private sealed class RecordingReminderTable : IReminderTable
    {
        public List<string> Calls { get; } = [];

        private Task<T> Record<T>(string call, T result)
        {
            lock (Calls) Calls.Add(call);
            return Task.FromResult(result);
        }

        public Task<ReminderTableData> ReadRows(GrainId grainId) => Record("read-grain", new ReminderTableData());
        public Task<ReminderTableData> ReadRows(uint begin, uint end) => Record("read-range", new ReminderTableData());
        public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) => Record<ReminderEntry?>("read", null);
        public Task<string?> UpsertRow(ReminderEntry entry) => Record<string?>("upsert", "2");
        public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) => Record("remove", true);
        public Task TestOnlyClearTable() => Record("clear", true);
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
