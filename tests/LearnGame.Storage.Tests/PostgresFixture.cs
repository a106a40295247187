using System.Diagnostics;
using Npgsql;

namespace LearnGame.Storage.Tests;

/// <summary>A PostgreSQL server for the tests: LEARNGAME_POSTGRES when set, otherwise a throwaway one from scripts/postgres.sh.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    /// <summary>The environment variable that names an already running server.</summary>
    public const string EnvironmentVariable = "LEARNGAME_POSTGRES";

    private readonly List<string> _databases = [];
    // A directory of its own: another run's scripts/postgres.sh stop must not pull this server away mid-test, nor ours theirs.
    private readonly string _serverDirectory = Path.Combine(Path.GetTempPath(), "learngame-pg-" + Guid.NewGuid().ToString("N")[..12]);
    private bool _startedServer;

    /// <summary>The connection string of the server's default database, used to create and drop test databases.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            ConnectionString = configured;
            return;
        }
        // Not skipped when absent: these tests are the only proof that the PostgreSQL storage works.
        ConnectionString = (await RunScriptAsync("start")).Trim().Split('\n')[^1];
        _startedServer = true;
    }

    /// <summary>Creates an empty database of its own for one test and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "learngame_test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }
        lock (_databases) _databases.Add(name);
        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_startedServer)
        {
            await RunScriptAsync("stop");
            File.Delete(_serverDirectory + ".lock");
            return;
        }
        // A shared server outlives the run: leave it as it was found.
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        foreach (var name in _databases)
        {
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    private async Task<string> RunScriptAsync(string subcommand)
    {
        var script = Path.Combine(RepositoryRoot(), "scripts", "postgres.sh");
        using var process = Process.Start(new ProcessStartInfo("bash", [script, subcommand])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["LEARNGAME_PG_DIR"] = _serverDirectory },
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/postgres.sh {subcommand} failed ({process.ExitCode}): {await error} {await output}");
        }
        return await output;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "scripts", "postgres.sh")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"scripts/postgres.sh not found above {AppContext.BaseDirectory}.");
    }
}

/// <summary>The tests that share one PostgreSQL server; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "postgres";
}
