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

    protected override Task DeleteDatabaseAsync()
    {
        _temp.Dispose();
        return Task.CompletedTask;
    }
}
