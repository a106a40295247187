using System.Data.Common;
using LearnGame.Storage.Migrations;
using Microsoft.Data.Sqlite;

namespace LearnGame.Storage;

/// <summary>Creates and upgrades LearnGame's SQLite schema from the numbered migrations embedded under Sql/Sqlite.</summary>
public static class SqliteSchema
{
    private static readonly SchemaDialect Sqlite = new Dialect();

    /// <summary>The embedded migrations, in version order.</summary>
    public static IReadOnlyList<Migration> Migrations { get; } = SchemaMigrator.Embedded(Sqlite);

    /// <summary>Applies, each in its own transaction, the migrations the database lacks; returns the versions applied now.</summary>
    public static Task<IReadOnlyList<int>> EnsureCreatedAsync(string connectionString, CancellationToken cancellationToken = default) =>
        ApplyAsync(connectionString, Migrations, cancellationToken);

    internal static Task<IReadOnlyList<int>> ApplyAsync(string connectionString, IReadOnlyList<Migration> migrations, CancellationToken cancellationToken) =>
        SchemaMigrator.ApplyAsync(Sqlite, connectionString, migrations, cancellationToken);

    private sealed class Dialect : SchemaDialect
    {
        public override string Folder => SqlText.Sqlite;

        public override async Task<DbConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
        {
            CreateDataDirectory(connectionString);
            var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            return connection;
        }

        public override async Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = SqlText.Of(SqlText.Sqlite, "Schema.prepare");
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        // BEGIN IMMEDIATE takes the write lock before the check, so two processes starting at once apply a step once.
        public override Task<DbTransaction> BeginStepAsync(DbConnection connection, CancellationToken cancellationToken) =>
            Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

        private static void CreateDataDirectory(string connectionString)
        {
            var builder = new SqliteConnectionStringBuilder(connectionString);
            var dataSource = builder.DataSource;
            if (builder.Mode == SqliteOpenMode.Memory || dataSource.Length == 0 || dataSource == ":memory:" ||
                dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(dataSource))!);
        }
    }
}
