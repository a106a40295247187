using System.Net;
using System.Net.Sockets;
using LearnGame.Storage.Migrations;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace LearnGame.Storage.Tests;

[Collection(PostgresCollection.Name)]
public sealed class PostgresSchemaTests(PostgresFixture postgres) : IAsyncLifetime
{
    private string _connectionString = "";

    public async Task InitializeAsync() => _connectionString = await postgres.CreateDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Creating_the_schema_makes_the_tables_and_every_query_orleans_reads()
    {
        var applied = await PostgresSchema.EnsureCreatedAsync(_connectionString);

        Assert.Equal([1, 2, 3], applied);
        Assert.Equal(
            ["learngameschemaversion", "orleansmembershiptable", "orleansmembershipversiontable", "orleansquery", "orleansreminderstable", "orleansstorage"],
            await StringsAsync("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name"));
        // CleanupDefunctSiloEntryKey is absent on purpose: with it, Orleans deletes dead silos by exact timestamp equality.
        string[] expected =
            [
                "ClearStorageKey", "CleanupDefunctSiloEntriesKey", "DeleteMembershipTableEntriesKey", "DeleteReminderRowKey", "DeleteReminderRowsKey",
                "DeleteStorageKey", "GatewaysQueryKey", "InsertMembershipKey", "InsertMembershipVersionKey", "MembershipReadAllKey",
                "MembershipReadRowKey", "ReadFromStorageKey", "ReadRangeRows1Key", "ReadRangeRows2Key", "ReadReminderRowKey",
                "ReadReminderRowsKey", "UpdateIAmAlivetimeKey", "UpdateMembershipKey", "UpsertReminderRowKey", "WriteToStorageKey",
            ];
        // Orleans' own spelling: unquoted, so it must resolve to our lower-case table.
        var stored = await StringsAsync("select QueryKey, QueryText from OrleansQuery");
        Assert.Equal(expected.Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Timestamps_are_stored_with_their_time_zone()
    {
        await PostgresSchema.EnsureCreatedAsync(_connectionString);

        Assert.Equal(["timestamp with time zone"], await StringsAsync(
            "SELECT DISTINCT data_type FROM information_schema.columns WHERE table_schema = 'public' AND data_type LIKE 'timestamp%'"));
    }

    [Fact]
    public async Task Running_the_schema_twice_changes_nothing()
    {
        await PostgresSchema.EnsureCreatedAsync(_connectionString);
        var before = await SnapshotAsync();

        var applied = await PostgresSchema.EnsureCreatedAsync(_connectionString);

        Assert.Empty(applied);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task An_older_database_gets_only_the_missing_migrations()
    {
        await PostgresSchema.ApplyAsync(_connectionString, PostgresSchema.Migrations.Take(1).ToList(), CancellationToken.None);
        var storageQueries = await StringsAsync("SELECT querykey || querytext FROM orleansquery ORDER BY querykey");

        // 0001 is plain CREATE TABLE, so running it again would throw: only 0002 and 0003 may run.
        var applied = await PostgresSchema.EnsureCreatedAsync(_connectionString);

        Assert.Equal([2, 3], applied);
        Assert.Equal(["1", "2", "3"], await StringsAsync("SELECT version FROM learngameschemaversion ORDER BY version"));
        Assert.Equal(storageQueries, await StringsAsync("SELECT querykey || querytext FROM orleansquery WHERE querykey LIKE '%Storage%' ORDER BY querykey"));
    }

    [Fact]
    public async Task A_failing_migration_leaves_neither_its_changes_nor_its_version()
    {
        await PostgresSchema.EnsureCreatedAsync(_connectionString);
        var broken = new Migration(4, "broken", "CREATE TABLE half (id integer); SELECT * FROM nosuchtable;");

        await Assert.ThrowsAsync<PostgresException>(() => PostgresSchema.ApplyAsync(_connectionString, [.. PostgresSchema.Migrations, broken], CancellationToken.None));

        Assert.Empty(await StringsAsync("SELECT table_name FROM information_schema.tables WHERE table_name = 'half'"));
        Assert.Equal(["1", "2", "3"], await StringsAsync("SELECT version FROM learngameschemaversion ORDER BY version"));
    }

    [Fact]
    public async Task Silos_migrating_the_same_empty_database_at_once_apply_each_step_once()
    {
        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => PostgresSchema.EnsureCreatedAsync(_connectionString))));

        Assert.Equal([1, 2, 3], runs.SelectMany(applied => applied).Order());
        Assert.Equal(["1", "2", "3"], await StringsAsync("SELECT version FROM learngameschemaversion ORDER BY version"));
    }

    [Fact]
    public async Task Identities_differing_only_by_a_null_or_empty_extension_are_distinct_and_duplicates_are_refused()
    {
        await PostgresSchema.EnsureCreatedAsync(_connectionString);
        const string insert = "INSERT INTO orleansstorage (grainidhash, grainidn0, grainidn1, graintypehash, graintypestring, grainidextensionstring, serviceid, version) VALUES (1, 0, 5, 2, 'probe', {0}, 'svc', 1)";

        await ExecuteAsync(string.Format(insert, "NULL"));
        await ExecuteAsync(string.Format(insert, "''"));

        var duplicate = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(string.Format(insert, "NULL")));
        Assert.Equal(PostgresErrorCodes.UniqueViolation, duplicate.SqlState);
    }

    [Fact]
    public async Task An_unreachable_server_is_reported_in_one_sentence_naming_host_and_port()
    {
        var port = ClosedPort();
        var connectionString = $"Host=127.0.0.1;Port={port};Database=learngame;Username=postgres;Timeout=5";

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => PostgresSchema.EnsureCreatedAsync(connectionString));

        Assert.StartsWith($"PostgreSQL at 127.0.0.1:{port} is unreachable: ", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task A_missing_database_is_reported_as_refused_by_the_server()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(_connectionString) { Database = "no_such_database" };

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => PostgresSchema.EnsureCreatedAsync(connectionString.ConnectionString));

        Assert.StartsWith($"PostgreSQL at {connectionString.Host}:{connectionString.Port} refused the connection to database \"no_such_database\": ", error.Message);
        Assert.Contains("3D000", error.Message);
    }

    [Fact]
    public void Configuring_a_silo_against_an_unreachable_server_fails_before_start_with_that_exception()
    {
        var builder = Host.CreateApplicationBuilder();
        var connectionString = $"Host=127.0.0.1;Port={ClosedPort()};Database=learngame;Username=postgres;Timeout=5";

        Assert.Throws<StorageUnavailableException>(() => builder.UseOrleans(silo => silo.AddLearnGamePostgresStorage(connectionString)));
    }

    // A port that was free a moment ago: nothing listens there, so connecting is refused at once.
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<List<string>> StringsAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync()) values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        return values;
    }

    private async Task<List<string>> SnapshotAsync() =>
    [
        .. await StringsAsync("SELECT table_name || '.' || column_name || ':' || data_type || ':' || is_nullable FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1"),
        .. await StringsAsync("SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1"),
        .. await StringsAsync("SELECT querykey || ':' || querytext FROM orleansquery ORDER BY 1"),
        .. await StringsAsync("SELECT version || ':' || name || ':' || appliedon FROM learngameschemaversion ORDER BY version"),
    ];
}
