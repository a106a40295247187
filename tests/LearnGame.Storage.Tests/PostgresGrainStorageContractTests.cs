using LearnGame.Storage.Batching;
using Npgsql;
using Orleans;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.Storage;

namespace LearnGame.Storage.Tests;

/// <summary>The grain storage contract on PostgreSQL, one database per test.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresGrainStorageContractTests(PostgresFixture postgres) : GrainStorageContractTests
{
    private string _connectionString = "";

    protected override async Task CreateDatabaseAsync() => _connectionString = await postgres.CreateDatabaseAsync();

    protected override void AddStorage(ISiloBuilder silo) => silo.AddLearnGamePostgresStorage(_connectionString);

    protected override async Task<IReadOnlyList<StoredRow>> StoredRowsAsync()
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT graintypestring, serviceid, grainidextensionstring, payloadbinary, version FROM orleansstorage", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<StoredRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new StoredRow(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? [] : (byte[])reader.GetValue(3), reader.GetInt32(4)));
        }
        return rows;
    }

    protected override async Task<IReadOnlyList<(string GrainTypeString, int GrainIdHash, int GrainTypeHash)>> StoredHashesAsync()
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT graintypestring, grainidhash, graintypehash FROM orleansstorage", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, int, int)>();
        while (await reader.ReadAsync()) rows.Add((reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2)));
        return rows;
    }

    /// <summary>
    /// The connection breaks at COMMIT, through a relay: once before the server gets it (not stored), once after the
    /// server answered it (stored, and the writer never hears so). Either way the writer is told the write failed and
    /// keeps its version, and its next write must be stored: before, a stored one left the state a version behind its
    /// row, and every later write of it failed on the version check.
    /// </summary>
    [Theory]
    [InlineData(CommitBreakingProxy.Break.LoseCommitAnswer)]
    [InlineData(CommitBreakingProxy.Break.DropCommit)]
    public async Task A_write_whose_commit_answer_is_lost_leaves_the_next_write_stored(CommitBreakingProxy.Break how)
    {
        var storage = Storage();
        var id = Orleans.Runtime.GrainId.Create("probe", Guid.NewGuid().ToString("N"));
        var state = new Orleans.GrainState<ProbeState>(new ProbeState { Text = "first" });
        await storage.WriteStateAsync(ProbeGrain.StateName, id, state);
        await using var proxy = new CommitBreakingProxy(_connectionString);
        var batch = new PostgresUpdateBatch(proxy.ConnectionString, ServiceId, new LearnGameStateSerializer());

        proxy.BreakNextCommit(how);
        state.State!.Text = "no answer";
        var failure = Write(batch, id, state);
        Assert.Equal(how == CommitBreakingProxy.Break.LoseCommitAnswer, await proxy.Broken.Task);
        Assert.NotNull(failure);
        Assert.IsNotType<Orleans.Storage.InconsistentStateException>(failure);
        Assert.Equal("1", state.ETag);
        var stored = Assert.Single(await StoredRowsAsync());
        Assert.Equal(how == CommitBreakingProxy.Break.LoseCommitAnswer ? ("no answer", 2L) : ("first", 1L), (Text(stored), stored.Version));

        state.State.Text = "next";
        Assert.Null(Write(batch, id, state));
        stored = Assert.Single(await StoredRowsAsync());
        Assert.Equal(("next", long.Parse(state.ETag!)), (Text(stored), stored.Version));
        Assert.Equal(how == CommitBreakingProxy.Break.LoseCommitAnswer ? 3L : 2L, stored.Version);
    }

    /// <summary>
    /// A first write (the provider's insert: on PostgreSQL first writes do not share the transactions) that is stored
    /// but whose answer is lost: the provider is wrapped to throw after it stored, once. The state has no version yet, so the next write is a first write again, and before, the
    /// insert found the row and failed on the version check at every retry.
    /// </summary>
    [Fact]
    public async Task The_write_after_a_first_write_whose_answer_was_lost_is_stored_as_an_update_of_it()
    {
        var provider = new LosesOneAnswer(SiloService<IGrainStorage>(LearnGameStorage.Name + ".adonet"));
        var storage = new OneWriterStorage(provider, SiloService<UpdateBatch>(LearnGameStorage.Name));
        var id = GrainId.Create("probe", Guid.NewGuid().ToString("N"));
        var state = new GrainState<ProbeState>(new ProbeState { Text = "no answer" });

        await Assert.ThrowsAsync<IOException>(() => storage.WriteStateAsync(ProbeGrain.StateName, id, state));
        Assert.Null(state.ETag);
        state.State = new ProbeState { Text = "next" };
        await storage.WriteStateAsync(ProbeGrain.StateName, id, state);

        Assert.Equal("2", state.ETag);
        Assert.Equal(("next", "2"), await ReadBack(id));
    }

    /// <summary>The provider, except that its first write's answer is lost: it is stored, and the caller gets an error.</summary>
    private sealed class LosesOneAnswer(IGrainStorage inner) : IGrainStorage
    {
        private bool _lost;

        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ReadStateAsync(stateName, grainId, grainState);

        public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            var etag = grainState.ETag;
            await inner.WriteStateAsync(stateName, grainId, grainState);
            if (_lost) return;
            _lost = true;
            (grainState.ETag, grainState.RecordExists) = (etag, etag is not null);
            throw new IOException("The connection broke before the answer came.");
        }

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ClearStateAsync(stateName, grainId, grainState);
    }

    private static Exception? Write(UpdateBatch batch, Orleans.Runtime.GrainId id, Orleans.GrainState<ProbeState> state)
    {
        Exception? failure = null;
        var stored = false;
        var update = batch.For(ProbeGrain.StateName, id, state, () => stored = true, e => failure = e);
        batch.Run([update!]);
        Assert.True(stored ^ failure is not null);
        return failure;
    }

    private static string? Text(StoredRow row) => System.Text.Json.JsonSerializer.Deserialize<ProbeState>(row.Payload, LearnGameStateSerializer.DefaultOptions)!.Text;

    // The fixture drops the databases it made when the collection ends.
    protected override Task DeleteDatabaseAsync() => Task.CompletedTask;
}
