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

    // The fixture drops the databases it made when the collection ends.
    protected override Task DeleteDatabaseAsync() => Task.CompletedTask;
}
