using LearnGame.Storage.Batching;
using Microsoft.Data.Sqlite;
using Orleans;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.Storage;

namespace LearnGame.Storage.Tests;

/// <summary>The grain storage contract on SQLite, one data directory per test.</summary>
public sealed class SqliteGrainStorageContractTests : GrainStorageContractTests
{
    private readonly TempDirectory _temp = new();

    protected override Task CreateDatabaseAsync() => Task.CompletedTask;

    protected override void AddStorage(ISiloBuilder silo) => silo.AddLearnGameSqliteStorage(_temp.Path);

    protected override Task<IReadOnlyList<StoredRow>> StoredRowsAsync()
    {
        using var connection = new SqliteConnection(LearnGameStorage.CreateSqliteConnectionString(_temp.Path));
        connection.Open();
        using var command = new SqliteCommand("SELECT GrainTypeString, ServiceId, GrainIdExtensionString, PayloadBinary, Version FROM OrleansStorage", connection);
        using var reader = command.ExecuteReader();
        var rows = new List<StoredRow>();
        while (reader.Read())
        {
            rows.Add(new StoredRow(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? [] : (byte[])reader.GetValue(3), reader.GetInt64(4)));
        }
        return Task.FromResult<IReadOnlyList<StoredRow>>(rows);
    }

    protected override Task<IReadOnlyList<(string GrainTypeString, int GrainIdHash, int GrainTypeHash)>> StoredHashesAsync()
    {
        using var connection = Open();
        using var command = new SqliteCommand("SELECT GrainTypeString, GrainIdHash, GrainTypeHash FROM OrleansStorage", connection);
        using var reader = command.ExecuteReader();
        var rows = new List<(string, int, int)>();
        while (reader.Read()) rows.Add((reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2)));
        return Task.FromResult<IReadOnlyList<(string, int, int)>>(rows);
    }

    private Task DeleteRowsAsync()
    {
        using var connection = Open();
        using var command = new SqliteCommand("DELETE FROM OrleansStorage", connection);
        command.ExecuteNonQuery();
        return Task.CompletedTask;
    }

    /// <summary>
    /// On SQLite, a session's first writes (its journal's and rounds' rows) go into the shared transactions, not one by one through
    /// the provider; the row they insert holds the hashes the provider would have stored for it.
    /// </summary>
    [Fact]
    public async Task A_guid_keyed_first_write_shares_a_transaction_and_stores_the_providers_hashes()
    {
        var batch = SiloService<UpdateBatch>(LearnGameStorage.Name);
        var id = GrainId.Create("probe", Guid.NewGuid().ToString("N"));
        await SiloService<IGrainStorage>(LearnGameStorage.Name + ".adonet").WriteStateAsync(ProbeGrain.StateName, id, new GrainState<ProbeState>(new ProbeState { Text = "provider" }));
        var providers = Assert.Single(await StoredHashesAsync());
        await DeleteRowsAsync();
        var before = batch.Transactions;

        var state = new GrainState<ProbeState>(new ProbeState { Text = "ours" });
        await Storage().WriteStateAsync(ProbeGrain.StateName, id, state);

        Assert.Equal(1, batch.Transactions - before);
        Assert.Equal(("ours", "1"), await ReadBack(id));
        Assert.Equal(providers, Assert.Single(await StoredHashesAsync()));
        Assert.NotEqual(0, providers.GrainIdHash);
        Assert.NotEqual(0, providers.GrainTypeHash);
    }

    [Fact]
    public async Task First_writes_waiting_together_share_one_transaction_and_read_back()
    {
        var storage = Storage();
        var batch = SiloService<UpdateBatch>(LearnGameStorage.Name);
        var ids = Enumerable.Range(0, 40).Select(_ => GrainId.Create("probe", Guid.NewGuid().ToString("N"))).ToList();
        var states = ids.Select((_, i) => new GrainState<ProbeState>(new ProbeState { Text = $"first {i}" })).ToList();
        var before = batch.Transactions;

        await Task.WhenAll(ids.Select((id, i) => storage.WriteStateAsync(ProbeGrain.StateName, id, states[i])));

        Assert.InRange(batch.Transactions - before, 1, ids.Count / 2);
        for (var i = 0; i < ids.Count; i++) Assert.Equal(($"first {i}", "1"), await ReadBack(ids[i]));
        Assert.All(states, state => Assert.Equal(("1", true), (state.ETag, state.RecordExists)));
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(LearnGameStorage.CreateSqliteConnectionString(_temp.Path));
        connection.Open();
        return connection;
    }

    protected override Task DeleteDatabaseAsync()
    {
        _temp.Dispose();
        return Task.CompletedTask;
    }
}
