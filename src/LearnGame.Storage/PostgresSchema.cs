using System.Data.Common;
using System.Net.Sockets;
using LearnGame.Storage.Migrations;
using Npgsql;

namespace LearnGame.Storage;

/// <summary>Creates and upgrades LearnGame's PostgreSQL schema from the numbered migrations embedded under Sql/Postgres.</summary>
public static class PostgresSchema
{
    private static readonly SchemaDialect Postgres = new Dialect();

    /// <summary>The embedded migrations, in version order.</summary>
    public static IReadOnlyList<Migration> Migrations { get; } = SchemaMigrator.Embedded(Postgres);

    /// <summary>Applies, each in its own transaction, the migrations the database lacks; returns the versions applied now.</summary>
    /// <exception cref="StorageUnavailableException">The server cannot be reached or refuses the connection.</exception>
    public static Task<IReadOnlyList<int>> EnsureCreatedAsync(string connectionString, CancellationToken cancellationToken = default) =>
        ApplyAsync(connectionString, Migrations, cancellationToken);

    internal static Task<IReadOnlyList<int>> ApplyAsync(string connectionString, IReadOnlyList<Migration> migrations, CancellationToken cancellationToken) =>
        SchemaMigrator.ApplyAsync(Postgres, connectionString, migrations, cancellationToken);

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

    private sealed class Dialect : SchemaDialect
    {
        public override string Folder => SqlText.Postgres;

        public override async Task<DbConnection> OpenAsync(string connectionString, CancellationToken cancellationToken) =>
            await PostgresSchema.OpenAsync(connectionString, cancellationToken);

        // The advisory lock is held until commit or rollback: a silo that waited for it sees the other's recorded version.
        public override async Task<DbTransaction> BeginStepAsync(DbConnection connection, CancellationToken cancellationToken)
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            (command.Transaction, command.CommandText) = (transaction, SqlText.Of(SqlText.Postgres, "Schema.lock"));
            await command.ExecuteNonQueryAsync(cancellationToken);
            return transaction;
        }
    }
}
