using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Orleans;
using Orleans.Runtime;

namespace LearnGame.Storage.Tests;

/// <summary>Real silos clustering through the Orleans ADO.NET membership provider on our PostgreSQL schema.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresClusteringTests(PostgresFixture postgres) : IAsyncLifetime
{
    private const int Active = 3, Dead = 6;
    // Unique per test run, so rows of an earlier run on a shared server are never mistaken for this one's.
    private readonly string _clusterId = "cluster-" + Guid.NewGuid().ToString("N");
    private readonly List<IHost> _silos = [];
    private string _connectionString = "";

    public async Task InitializeAsync() => _connectionString = await postgres.CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        foreach (var silo in _silos)
        {
            await silo.StopAsync();
            silo.Dispose();
        }
    }

    [Fact]
    public async Task A_started_silo_is_an_active_row_of_its_cluster()
    {
        var silo = await StartSiloAsync();

        var address = silo.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
        var rows = await MembersAsync();
        Assert.Equal([(address.Endpoint.Port, Active)], rows.Select(r => (r.Port, r.Status)));
    }

    [Fact]
    public async Task Two_silos_of_one_cluster_see_each_other_as_active()
    {
        var first = await StartSiloAsync();
        var second = await StartSiloAsync();
        var expected = new[] { first, second }.Select(s => s.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress).ToHashSet();

        foreach (var silo in new[] { first, second })
        {
            await WaitForActiveMembersAsync(silo, expected);
        }

        Assert.Equal([Active, Active], (await MembersAsync()).Select(r => r.Status));
    }

    [Fact]
    public async Task A_silo_that_stops_gracefully_is_marked_dead_and_the_other_stays_active()
    {
        var staying = await StartSiloAsync();
        var leaving = await StartSiloAsync();
        var leavingPort = leaving.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.Endpoint.Port;

        await leaving.StopAsync();
        _silos.Remove(leaving);
        leaving.Dispose();

        var rows = await MembersAsync();
        Assert.Equal(Dead, rows.Single(r => r.Port == leavingPort).Status);
        Assert.Equal(Active, rows.Single(r => r.Port != leavingPort).Status);
    }

    private async Task<IHost> StartSiloAsync()
    {
        var silo = await PostgresSilo.StartAsync(_connectionString, _clusterId);
        _silos.Add(silo);
        return silo;
    }

    // Membership changes arrive as an event stream; no clock involved beyond a deadline that fails the test.
    private static async Task WaitForActiveMembersAsync(IHost silo, IReadOnlySet<SiloAddress> expected)
    {
        var membership = silo.Services.GetRequiredService<IClusterMembershipService>();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        if (ActiveMembers(membership.CurrentSnapshot).SetEquals(expected))
        {
            return;
        }
        await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(deadline.Token))
        {
            if (ActiveMembers(snapshot).SetEquals(expected))
            {
                return;
            }
        }
    }

    private static HashSet<SiloAddress> ActiveMembers(ClusterMembershipSnapshot snapshot) =>
        snapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress).ToHashSet();

    private async Task<List<(int Port, int Status)>> MembersAsync()
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT port, status FROM orleansmembershiptable WHERE deploymentid = @id ORDER BY port", connection);
        command.Parameters.AddWithValue("id", _clusterId);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(int, int)>();
        while (await reader.ReadAsync()) rows.Add((reader.GetInt32(0), reader.GetInt32(1)));
        return rows;
    }
}
