using Npgsql;
using Orleans.Hosting;

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
        var batch = UpdateBatch.ForPostgres(proxy.ConnectionString, ServiceId, new LearnGameStateSerializer());

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
