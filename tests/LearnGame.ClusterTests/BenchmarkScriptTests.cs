using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using LearnGame.Testing;
using Npgsql;

namespace LearnGame.ClusterTests;

/// <summary>scripts/benchmark.sh, run as an operator would before a big day, on scenarios made small by its options.</summary>
[Collection(PostgresCollection.Name)]
public sealed partial class BenchmarkScriptTests(PostgresServer postgres)
{
    [Fact]
    public async Task A_scenario_is_played_on_a_fresh_server_that_is_gone_afterwards_with_only_the_results_left()
    {
        var results = ServerHost.NewDataDirectory();
        var run = await Run(results, "s1", "--learners", "5", "--questions", "2", "--think-ms", "200", "--quiet");

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains("PASS", run.All);
        var server = ServerLine().Match(run.All);
        Assert.True(server.Success, run.All);
        Assert.False(Directory.Exists($"/proc/{server.Groups[1].Value}"), "the server still runs");
        var data = SqliteLine().Match(run.All);
        Assert.True(data.Success, run.All);
        Assert.False(Directory.Exists(data.Groups[1].Value), "the server's data folder was left behind");

        using var result = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(results, "result.json")));
        Assert.True(result.RootElement.GetProperty("passed").GetBoolean());
        Assert.Equal(5, result.RootElement.GetProperty("learnersJoined").GetInt32());
        Assert.Equal(10, result.RootElement.GetProperty("answersAcked").GetInt32());
        Assert.True(result.RootElement.GetProperty("server").GetProperty("peakRssMiB").GetDouble() > 0, "the server was not sampled");
        Assert.True(result.RootElement.GetProperty("serverRuntime").GetProperty("jitMs").GetDouble() > 0, "the server's /metrics were not read");
        foreach (var file in new[] { "report.md", "report.svg", "server.log", "timeline.csv" }) Assert.True(File.Exists(Path.Combine(results, file)), file);
        Assert.StartsWith("seconds,", await File.ReadAllTextAsync(Path.Combine(results, "timeline.csv")));
        Assert.Contains("learngame_answers", await File.ReadAllTextAsync(Path.Combine(results, "metrics.txt")));
    }

    [Fact]
    public async Task On_postgres_it_plays_on_a_throwaway_database_of_its_own_with_fsync_on_stopped_afterwards()
    {
        var results = ServerHost.NewDataDirectory();
        // The tests' own PostgreSQL (fsync off) is in the environment, as in CI: the benchmark must not use it.
        var run = await Run(results, "s3-postgres", "--classrooms", "2", "--learners", "3", "--questions", "1", "--think-ms", "200",
            "--ramp-up", "1", "--leaderboard-ms", "0", "--quiet");

        Assert.True(run.ExitCode == 0, run.All);
        var database = PostgresLine().Match(run.All);
        Assert.True(database.Success, run.All);
        Assert.NotEqual(new NpgsqlConnectionStringBuilder(postgres.ConnectionString).Port, int.Parse(database.Groups[1].Value));
        using var result = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(results, "result.json")));
        Assert.True(result.RootElement.GetProperty("passed").GetBoolean());
        Assert.Equal(6, result.RootElement.GetProperty("answersAcked").GetInt32());
        // S3 first plays the tool's warm-up game (50 learners), which is not counted above.
        Assert.Equal(50, result.RootElement.GetProperty("warmUp").GetProperty("learners").GetInt32());
        Assert.True(result.RootElement.GetProperty("warmUp").GetProperty("passed").GetBoolean(), run.All);

        using var probe = new TcpClient();
        await Assert.ThrowsAnyAsync<SocketException>(() => probe.ConnectAsync("127.0.0.1", int.Parse(database.Groups[1].Value)));
    }

    [Theory]
    [InlineData("1", "on")]
    [InlineData(null, "off")]
    public async Task The_throwaway_postgres_keeps_fsync_on_only_when_asked_to_be_durable(string? durable, string fsync)
    {
        // Short: PostgreSQL's socket path, inside this folder, may not exceed 107 bytes.
        var folder = Path.Combine(Path.GetTempPath(), $"learngame-pg-{Guid.NewGuid():N}"[..25]);
        var environment = new Dictionary<string, string?> { ["LEARNGAME_PG_DIR"] = folder, ["LEARNGAME_PG_DURABLE"] = durable, ["LEARNGAME_POSTGRES"] = null };
        var started = await Repository.RunScriptAsync("scripts/postgres.sh", environment, ["start"]);
        try
        {
            Assert.True(started.ExitCode == 0, started.All);
            await using var connection = new NpgsqlConnection(started.Output.Trim().Split('\n')[^1]);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SHOW fsync", connection);
            Assert.Equal(fsync, await command.ExecuteScalarAsync());
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await Repository.RunScriptAsync("scripts/postgres.sh", environment, ["stop"]);
            File.Delete(folder + ".lock");
        }
    }

    [Fact]
    public async Task An_unknown_scenario_is_refused_with_the_list_of_scenarios()
    {
        var run = await Run(ServerHost.NewDataDirectory(), "s4");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown scenario 's4'", run.All);
        Assert.Contains("s3-postgres", run.All);
    }

    [GeneratedRegex(@"^server: http://127\.0\.0\.1:\d+, pid (\d+), ", RegexOptions.Multiline)]
    private static partial Regex ServerLine();

    [GeneratedRegex(@", embedded SQLite in (\S+)$", RegexOptions.Multiline)]
    private static partial Regex SqliteLine();

    [GeneratedRegex(@"PostgreSQL \(throwaway, fsync on\) at Host=127\.0\.0\.1;Port=(\d+)$", RegexOptions.Multiline)]
    private static partial Regex PostgresLine();

    private Task<ScriptRun> Run(string results, params string[] arguments) =>
        Repository.RunScriptAsync("scripts/benchmark.sh", new Dictionary<string, string?>
        {
            ["LEARNGAME_BENCH_OUT"] = results,
            ["LEARNGAME_BENCH_BUILD"] = "0", // the test run's own build, made before it (the tool is built with the solution)
            ["LEARNGAME_CONFIGURATION"] = Repository.Configuration,
            ["LEARNGAME_POSTGRES"] = postgres.ConnectionString,
        }, arguments);
}
