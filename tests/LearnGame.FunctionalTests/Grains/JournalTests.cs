using LearnGame.Grains.Persistence;

namespace LearnGame.FunctionalTests.Grains;

/// <summary>The journal's chunks and epochs, on the tests' JSON storage, without a silo.</summary>
public sealed class JournalTests
{
    private static readonly GrainId Grain = GrainId.Create("session", Guid.NewGuid().ToString("N"));

    private static async Task<Journal<int>> Written(CountingStorage storage, long epoch, IEnumerable<int> entries, bool oneWriteEach = true)
    {
        var journal = new Journal<int>(storage, Grain, "journal");
        await journal.LoadAsync(epoch);
        foreach (var entry in entries)
        {
            journal.Add(entry);
            if (oneWriteEach) await journal.WriteAsync();
        }
        await journal.WriteAsync();
        return journal;
    }

    [Fact]
    public async Task Entries_fill_one_chunk_then_the_next_and_read_back_in_order()
    {
        var storage = new CountingStorage();
        var entries = Enumerable.Range(1, Journal<int>.ChunkSize + 5).ToList();
        await Written(storage, 1, entries);

        Assert.NotNull(storage.StoredJson("journal-1", Grain));
        Assert.Null(storage.StoredJson("journal-2", Grain));
        Assert.Equal(entries, await new Journal<int>(storage, Grain, "journal").LoadAsync(1));
    }

    [Fact]
    public async Task Entries_written_together_stay_in_one_chunk_whatever_their_number()
    {
        var storage = new CountingStorage();
        var entries = Enumerable.Range(1, 3 * Journal<int>.ChunkSize).ToList();
        await Written(storage, 1, entries, oneWriteEach: false);

        Assert.Equal(1, storage.Writes);
        Assert.Null(storage.StoredJson("journal-1", Grain));
        Assert.Equal(entries, await new Journal<int>(storage, Grain, "journal").LoadAsync(1));
    }

    [Fact]
    public async Task After_a_checkpoint_only_the_new_epochs_entries_are_read_and_what_older_epochs_left_is_ignored()
    {
        var storage = new CountingStorage();
        var journal = await Written(storage, 1, Enumerable.Range(1, Journal<int>.ChunkSize + 5));
        // The checkpoint of epoch 2 holds every entry so far but the last two, added while it was being written.
        journal.Restart(2, Journal<int>.ChunkSize + 3);
        journal.Add(100);
        await journal.WriteAsync();

        Assert.Equal([Journal<int>.ChunkSize + 4, Journal<int>.ChunkSize + 5, 100], await new Journal<int>(storage, Grain, "journal").LoadAsync(2));
        // Epoch 1's first chunk was overwritten: nothing of it is read any more, and its second chunk follows no checkpoint.
        Assert.Empty(await new Journal<int>(storage, Grain, "journal").LoadAsync(1));
        Assert.NotNull(storage.StoredJson("journal-1", Grain));
    }

    [Fact]
    public async Task Clearing_the_stale_chunks_keeps_the_current_epochs_and_removes_the_rest()
    {
        var storage = new CountingStorage();
        var journal = await Written(storage, 1, Enumerable.Range(1, 2 * Journal<int>.ChunkSize + 1));
        journal.Restart(2, journal.Count);
        journal.Add(7);
        await journal.WriteAsync();

        await journal.ClearStaleAsync();

        Assert.NotNull(storage.StoredJson("journal-0", Grain));
        Assert.Null(storage.StoredJson("journal-1", Grain));
        Assert.Null(storage.StoredJson("journal-2", Grain));
        Assert.Equal([7], await new Journal<int>(storage, Grain, "journal").LoadAsync(2));

        // Right after a checkpoint (nothing written in the new epoch yet), every chunk goes.
        journal.Restart(3, journal.Count);
        await journal.ClearStaleAsync();
        Assert.Null(storage.StoredJson("journal-0", Grain));
        Assert.Equal(0, journal.StoredChunks);
    }

    [Fact]
    public async Task A_reloaded_journal_goes_on_in_its_last_chunk_with_the_stored_version()
    {
        var storage = new CountingStorage();
        await Written(storage, 1, Enumerable.Range(1, 3));
        var reloaded = new Journal<int>(storage, Grain, "journal");
        Assert.Equal([1, 2, 3], await reloaded.LoadAsync(1));

        // A stale version would be refused by the storage: this write must use the one just read.
        reloaded.Add(4);
        await reloaded.WriteAsync();
        Assert.Equal([1, 2, 3, 4], await new Journal<int>(storage, Grain, "journal").LoadAsync(1));
    }
}
