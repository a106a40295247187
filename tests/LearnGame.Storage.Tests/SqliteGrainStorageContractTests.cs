using Microsoft.Data.Sqlite;
using Orleans.Hosting;

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

    [Fact]
    public async Task Later_writes_waiting_together_share_one_transaction()
    {
        var storage = SiloService<Orleans.Storage.IGrainStorage>(LearnGameStorage.Name);
        var batch = SiloService<SqliteUpdateBatch>(LearnGameStorage.Name);
        var ids = Enumerable.Range(0, 40).Select(_ => Orleans.Runtime.GrainId.Create("probe", Guid.NewGuid().ToString("N"))).ToList();
        var states = ids.Select(_ => new Orleans.GrainState<ProbeState>(new ProbeState { Text = "first" })).ToList();
        for (var i = 0; i < ids.Count; i++) await storage.WriteStateAsync(ProbeGrain.StateName, ids[i], states[i]);
        var before = batch.Transactions;

        await Task.WhenAll(ids.Select((id, i) => storage.WriteStateAsync(ProbeGrain.StateName, id, states[i])));

        // 40 updates asked for at once: the writer finds most of them waiting behind the first.
        Assert.InRange(batch.Transactions - before, 1, ids.Count / 2);
    }

    protected override Task DeleteDatabaseAsync()
    {
        _temp.Dispose();
        return Task.CompletedTask;
    }
}
