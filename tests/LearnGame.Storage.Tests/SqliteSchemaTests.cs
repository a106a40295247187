using LearnGame.Storage.Migrations;
using Microsoft.Data.Sqlite;

namespace LearnGame.Storage.Tests;

public sealed class SqliteSchemaTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _connectionString;

    public SqliteSchemaTests() => _connectionString = LearnGameStorage.CreateSqliteConnectionString(System.IO.Path.Combine(_temp.Path, "nested", "data"));

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Creating_the_schema_makes_the_data_directory_the_tables_and_the_persistence_queries()
    {
        var applied = await SqliteSchema.EnsureCreatedAsync(_connectionString);

        Assert.Equal(SqliteSchema.Migrations.Select(m => m.Version), applied);
        Assert.True(File.Exists(System.IO.Path.Combine(_temp.Path, "nested", "data", LearnGameStorage.DatabaseFileName)));
        Assert.Equal(["LearnGameSchemaVersion", "OrleansQuery", "OrleansRemindersTable", "OrleansStorage"], Strings("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"));
        Assert.Equal(["ClearStorageKey", "DeleteReminderRowKey", "DeleteReminderRowsKey", "DeleteStorageKey", "ReadFromStorageKey", "ReadRangeRows1Key", "ReadRangeRows2Key",
            "ReadReminderRowKey", "ReadReminderRowsKey", "UpsertReminderRowKey", "WriteToStorageKey"], Strings("SELECT QueryKey FROM OrleansQuery ORDER BY QueryKey"));
        Assert.Equal(["wal"], Strings("PRAGMA journal_mode"));
    }

    [Fact]
    public async Task Running_the_schema_twice_changes_nothing()
    {
        await SqliteSchema.EnsureCreatedAsync(_connectionString);
        var before = Snapshot();

        var applied = await SqliteSchema.EnsureCreatedAsync(_connectionString);

        Assert.Empty(applied);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task An_older_database_gets_only_the_missing_migrations()
    {
        await SqliteSchema.EnsureCreatedAsync(_connectionString);
        var queries = Strings("SELECT QueryKey || QueryText FROM OrleansQuery ORDER BY QueryKey");
        var version = SqliteSchema.Migrations.Count + 1;
        var next = new Migration(version, "probe_table", "CREATE TABLE Probe (Id INTEGER PRIMARY KEY);");

        // The released migrations are plain CREATE TABLEs, so running them again would throw: only the new one may run.
        var applied = await SqliteSchema.ApplyAsync(_connectionString, [.. SqliteSchema.Migrations, next], CancellationToken.None);

        Assert.Equal([version], applied);
        Assert.Equal(Enumerable.Range(1, version).Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)), Strings("SELECT Version FROM LearnGameSchemaVersion ORDER BY Version"));
        Assert.Equal(["Probe"], Strings("SELECT name FROM sqlite_master WHERE name = 'Probe'"));
        Assert.Equal(queries, Strings("SELECT QueryKey || QueryText FROM OrleansQuery ORDER BY QueryKey"));
    }

    [Fact]
    public async Task A_failing_migration_leaves_neither_its_changes_nor_its_version()
    {
        await SqliteSchema.EnsureCreatedAsync(_connectionString);
        var broken = new Migration(SqliteSchema.Migrations.Count + 1, "broken", "CREATE TABLE Half (Id INTEGER); SELECT * FROM NoSuchTable;");

        await Assert.ThrowsAsync<SqliteException>(() => SqliteSchema.ApplyAsync(_connectionString, [.. SqliteSchema.Migrations, broken], CancellationToken.None));

        Assert.Empty(Strings("SELECT name FROM sqlite_master WHERE name = 'Half'"));
        Assert.Equal(SqliteSchema.Migrations.Select(m => m.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)), Strings("SELECT Version FROM LearnGameSchemaVersion ORDER BY Version"));
    }

    [Fact]
    public async Task Silos_migrating_the_same_new_file_at_once_apply_each_step_once()
    {
        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => SqliteSchema.EnsureCreatedAsync(_connectionString))));

        Assert.Equal(SqliteSchema.Migrations.Select(m => m.Version), runs.SelectMany(applied => applied).Order());
        Assert.Equal(SqliteSchema.Migrations.Select(m => m.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)), Strings("SELECT Version FROM LearnGameSchemaVersion ORDER BY Version"));
    }

    [Fact]
    public async Task Identities_differing_only_by_a_null_or_empty_extension_are_distinct_and_duplicates_are_refused()
    {
        await SqliteSchema.EnsureCreatedAsync(_connectionString);
        const string insert = "INSERT INTO OrleansStorage (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, GrainIdExtensionString, ServiceId, Version) VALUES (1, 0, 5, 2, 'probe', {0}, 'svc', 1)";

        Execute(string.Format(insert, "NULL"));
        Execute(string.Format(insert, "''"));

        var duplicate = Assert.Throws<SqliteException>(() => Execute(string.Format(insert, "NULL")));
        Assert.Equal(19, duplicate.SqliteErrorCode); // SQLITE_CONSTRAINT
    }

    [Theory]
    [InlineData("ReadFromStorageKey")]
    [InlineData("WriteToStorageKey")]
    [InlineData("ClearStorageKey")]
    public async Task Persistence_queries_seek_on_the_identity_index_instead_of_scanning(string queryKey)
    {
        await SqliteSchema.EnsureCreatedAsync(_connectionString);
        using var connection = Open();
        var queryText = Strings($"SELECT QueryText FROM OrleansQuery WHERE QueryKey = '{queryKey}'").Single();
        var plan = new List<string>();
        // EXPLAIN covers one statement, and the write query has two.
        foreach (var statement in queryText.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            using var command = new SqliteCommand("EXPLAIN QUERY PLAN " + statement, connection);
            foreach (var name in new[] { "GrainIdHash", "GrainIdN0", "GrainIdN1", "GrainTypeHash", "GrainTypeString", "GrainIdExtensionString", "ServiceId", "GrainStateVersion", "PayloadBinary" })
            {
                command.Parameters.AddWithValue(name, DBNull.Value);
            }
            using var reader = command.ExecuteReader();
            while (reader.Read()) plan.Add(reader.GetString(3));
        }

        // "<expr>=?" shows the seek reaches the extension, so string keys of one type are not scanned.
        Assert.Contains(plan, step => step.Contains("USING INDEX IX_OrleansStorage_Identity (", StringComparison.Ordinal) && step.Contains("<expr>=?)", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN OrleansStorage", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Batch.update")]
    [InlineData("Batch.stored")]
    public async Task The_batch_statements_seek_on_the_identity_index_instead_of_scanning(string name)
    {
        await SqliteSchema.EnsureCreatedAsync(_connectionString);
        using var connection = Open();
        using var command = new SqliteCommand("EXPLAIN QUERY PLAN " + SqlText.Of(SqlText.Sqlite, name), connection);
        foreach (var parameter in new[] { "ServiceId", "GrainTypeString", "GrainIdN0", "GrainIdN1", "GrainStateVersion", "PayloadBinary" })
        {
            command.Parameters.AddWithValue(parameter, DBNull.Value);
        }
        var plan = new List<string>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read()) plan.Add(reader.GetString(3));
        }

        // The seek reaches the extension's expression, so a Guid key's row is found without reading its neighbours.
        Assert.Contains(plan, step => step.Contains("USING INDEX IX_OrleansStorage_Identity (", StringComparison.Ordinal) && step.Contains("<expr>=?)", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN OrleansStorage", StringComparison.Ordinal));
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private void Execute(string sql)
    {
        using var connection = Open();
        using var command = new SqliteCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private List<string> Strings(string sql)
    {
        using var connection = Open();
        using var command = new SqliteCommand(sql, connection);
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read()) values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        return values;
    }

    private List<string> Snapshot() =>
    [
        .. Strings("SELECT type || ':' || name || ':' || COALESCE(sql, '') FROM sqlite_master ORDER BY name"),
        .. Strings("SELECT QueryKey || ':' || QueryText FROM OrleansQuery ORDER BY QueryKey"),
        .. Strings("SELECT Version || ':' || Name || ':' || AppliedOn FROM LearnGameSchemaVersion ORDER BY Version"),
    ];
}
