using System.Net.Sockets;
using System.Reflection;
using System.Text.RegularExpressions;
using Npgsql;

namespace LearnGame.Storage;

/// <summary>Creates and upgrades LearnGame's PostgreSQL schema from the numbered migrations embedded under Sql/Postgres.</summary>
public static partial class PostgresSchema
{
    /// <summary>The table of our own that records which migrations a database has had (unquoted, so stored lower-case).</summary>
    public const string VersionTable = "learngameschemaversion";

    // Every LearnGame migrator takes this transaction-scoped advisory lock first, so silos starting together migrate one at a time.
    // The value is arbitrary but fixed: it is "LGschema" in ASCII.
    private const long MigrationLockKey = 0x4C47_7363_6865_6D61;

    /// <summary>The embedded migrations, in version order.</summary>
    public static IReadOnlyList<PostgresMigration> Migrations { get; } = LoadEmbeddedMigrations();

    /// <summary>Applies, each in its own transaction, the migrations the database lacks; returns the versions applied now.</summary>
    /// <exception cref="StorageUnavailableException">The server cannot be reached or refuses the connection.</exception>
    public static Task<IReadOnlyList<int>> EnsureCreatedAsync(string connectionString, CancellationToken cancellationToken = default) =>
        ApplyAsync(connectionString, Migrations, cancellationToken);

    internal static async Task<IReadOnlyList<int>> ApplyAsync(
        string connectionString, IReadOnlyList<PostgresMigration> migrations, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(connectionString, cancellationToken);

        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            // CREATE TABLE IF NOT EXISTS is not safe against a concurrent CREATE (it can fail on pg_type's unique index): lock first.
            await LockAsync(connection, transaction, cancellationToken);
            await ExecuteAsync(connection, transaction,
                $"CREATE TABLE IF NOT EXISTS {VersionTable} (version integer NOT NULL PRIMARY KEY, name text NOT NULL, " +
                "appliedon timestamptz NOT NULL DEFAULT now());", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var applied = new List<int>();
        foreach (var migration in migrations.OrderBy(m => m.Version))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            // The lock is held until commit or rollback, so a silo that waited here sees the other's recorded version.
            await LockAsync(connection, transaction, cancellationToken);
            await using var check = new NpgsqlCommand($"SELECT count(*) FROM {VersionTable} WHERE version = @version;", connection, transaction);
            check.Parameters.AddWithValue("version", migration.Version);
            if ((long)(await check.ExecuteScalarAsync(cancellationToken))! == 0)
            {
                await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
                await using var record = new NpgsqlCommand($"INSERT INTO {VersionTable} (version, name) VALUES (@version, @name);", connection, transaction);
                record.Parameters.AddWithValue("version", migration.Version);
                record.Parameters.AddWithValue("name", migration.Name);
                await record.ExecuteNonQueryAsync(cancellationToken);
                applied.Add(migration.Version);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        return applied;
    }

    /// <summary>Opens a connection, turning a failure to connect into one <see cref="StorageUnavailableException"/> sentence.</summary>
    internal static async Task<NpgsqlConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new StorageUnavailableException($"The PostgreSQL connection string is invalid: {e.Message}", e);
        }
        var where = $"PostgreSQL at {builder.Host}:{builder.Port}";
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or SocketException or ArgumentException)
        {
            await connection.DisposeAsync();
            throw e switch
            {
                // The server answered: wrong password, unknown database, too many connections...
                PostgresException server => new StorageUnavailableException(
                    $"{where} refused the connection to database \"{builder.Database}\": {server.MessageText} ({server.SqlState}).", e),
                ArgumentException => new StorageUnavailableException($"The PostgreSQL connection string is invalid: {e.Message}", e),
                _ => new StorageUnavailableException($"{where} is unreachable: {Innermost(e).Message}", e),
            };
        }
    }

    private static Exception Innermost(Exception e) => e.InnerException is { } inner ? Innermost(inner) : e;

    private static async Task LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({MigrationLockKey});", cancellationToken);

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static IReadOnlyList<PostgresMigration> LoadEmbeddedMigrations()
    {
        var assembly = typeof(PostgresSchema).Assembly;
        var migrations = new List<PostgresMigration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var match = MigrationResourceName().Match(resource);
            if (!match.Success)
            {
                continue;
            }
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            migrations.Add(new PostgresMigration(int.Parse(match.Groups["version"].Value), match.Groups["name"].Value, reader.ReadToEnd()));
        }
        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < migrations.Count; i++)
        {
            // Gaps or duplicate numbers mean a mis-named file; refusing is safer than applying steps out of order.
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException($"PostgreSQL migrations must be numbered 1..n without gaps; found {migrations[i].Name} as version {migrations[i].Version}.");
            }
        }
        return migrations;
    }

    [GeneratedRegex(@"^LearnGame\.Storage\.Sql\.Postgres\.(?<version>\d+)_(?<name>.+)\.sql$")]
    private static partial Regex MigrationResourceName();
}
