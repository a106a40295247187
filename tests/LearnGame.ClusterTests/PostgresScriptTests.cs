using LearnGame.Testing;
using Npgsql;

namespace LearnGame.ClusterTests;

/// <summary>scripts/postgres.sh, which the storage fault tests rely on to take their database away and back.</summary>
public sealed class PostgresScriptTests
{
    [Fact]
    public async Task A_paused_server_keeps_a_port_the_kernel_never_hands_out_and_resumes_on_it_with_its_data()
    {
        var postgres = await PostgresServer.StartPrivate();
        try
        {
            var port = new NpgsqlConnectionStringBuilder(postgres.ConnectionString).Port;
            // Below the ephemeral range, no outgoing connection or port-0 listener can take the port while the server is
            // down; a port from that range was taken during a 30 s outage in CI and resume failed.
            var ephemeralLow = int.Parse(File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split('\t', ' ')[0]);
            Assert.InRange(port, 1024, ephemeralLow - 1);

            await Execute(postgres, "CREATE TABLE kept (id int); INSERT INTO kept VALUES (7)");
            await postgres.Pause();
            await Assert.ThrowsAnyAsync<Exception>(() => Execute(postgres, "SELECT 1"));
            await postgres.Resume();
            Assert.Equal(7, await Execute(postgres, "SELECT id FROM kept"));
        }
        finally
        {
            await postgres.DisposeAsync();
        }
    }

    private static async Task<object?> Execute(PostgresServer postgres, string sql)
    {
        await using var connection = new NpgsqlConnection(postgres.ConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
