using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace LearnGame.Storage;

/// <summary>Creates and upgrades LearnGame's SQLite schema from the numbered migrations embedded under Sql/Sqlite.</summary>
public static partial class SqliteSchema
{
    /// <summary>The table of our own that records which migrations a database has had.</summary>
    public const string VersionTable = "LearnGameSchemaVersion";

    /// <summary>The embedded migrations, in version order.</summary>
    public static IReadOnlyList<SqliteMigration> Migrations { get; } = LoadEmbeddedMigrations();

    /// <summary>Applies, each in its own transaction, the migrations the database lacks; returns the versions applied now.</summary>
    public static Task<IReadOnlyList<int>> EnsureCreatedAsync(string connectionString, CancellationToken cancellationToken = default) =>
        ApplyAsync(connectionString, Migrations, cancellationToken);

    internal static async Task<IReadOnlyList<int>> ApplyAsync(
        string connectionString, IReadOnlyList<SqliteMigration> migrations, CancellationToken cancellationToken)
    {
        CreateDataDirectory(connectionString);
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);

        // WAL is stored in the file, so setting it once lets readers run alongside the writer from then on.
        await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;", cancellationToken);
        await ExecuteAsync(connection, null,
            $"CREATE TABLE IF NOT EXISTS {VersionTable} (Version INTEGER NOT NULL PRIMARY KEY, Name TEXT NOT NULL, " +
            "AppliedOn TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP) STRICT;", cancellationToken);

        var applied = new List<int>();
        foreach (var migration in migrations.OrderBy(m => m.Version))
        {
            // BEGIN IMMEDIATE takes the write lock before the check, so two processes starting at once apply a step once.
            await using var transaction = connection.BeginTransaction(deferred: false);
            await using var check = Command(connection, transaction, $"SELECT COUNT(*) FROM {VersionTable} WHERE Version = @Version;", migration);
            if ((long)(await check.ExecuteScalarAsync(cancellationToken))! == 0)
            {
                await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
                await using var record = Command(connection, transaction, $"INSERT INTO {VersionTable} (Version, Name) VALUES (@Version, @Name);", migration);
                await record.ExecuteNonQueryAsync(cancellationToken);
                applied.Add(migration.Version);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        return applied;
    }

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

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new SqliteCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, SqliteMigration migration)
    {
        var command = new SqliteCommand(sql, connection, transaction);
        command.Parameters.AddWithValue("@Version", migration.Version);
        command.Parameters.AddWithValue("@Name", migration.Name);
        return command;
    }

    private static IReadOnlyList<SqliteMigration> LoadEmbeddedMigrations()
    {
        var assembly = typeof(SqliteSchema).Assembly;
        var migrations = new List<SqliteMigration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var match = MigrationResourceName().Match(resource);
            if (!match.Success)
            {
                continue;
            }
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            migrations.Add(new SqliteMigration(int.Parse(match.Groups["version"].Value), match.Groups["name"].Value, reader.ReadToEnd()));
        }
        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < migrations.Count; i++)
        {
            // Gaps or duplicate numbers mean a mis-named file; refusing is safer than applying steps out of order.
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException($"SQLite migrations must be numbered 1..n without gaps; found {migrations[i].Name} as version {migrations[i].Version}.");
            }
        }
        return migrations;
    }

    [GeneratedRegex(@"^LearnGame\.Storage\.Sql\.Sqlite\.(?<version>\d+)_(?<name>.+)\.sql$")]
    private static partial Regex MigrationResourceName();
}
