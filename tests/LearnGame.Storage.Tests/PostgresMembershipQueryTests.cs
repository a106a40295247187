using Npgsql;

namespace LearnGame.Storage.Tests;

/// <summary>Our membership queries called directly, as Orleans calls them: unprefixed parameters, one statement, autocommit.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresMembershipQueryTests(PostgresFixture postgres) : IAsyncLifetime
{
    private const string DeploymentId = "cluster-a";
    private const int Active = 3, Joining = 2, ShuttingDown = 4, Dead = 6;
    private string _connectionString = "";

    public async Task InitializeAsync()
    {
        _connectionString = await postgres.CreateDatabaseAsync();
        await PostgresSchema.EnsureCreatedAsync(_connectionString);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_version_row_is_created_once_and_a_second_attempt_reports_0_without_error()
    {
        Assert.Equal(1, await ScalarAsync("InsertMembershipVersionKey", Deployment()));
        Assert.Equal(0, await ScalarAsync("InsertMembershipVersionKey", Deployment()));
        Assert.Equal(0, await TableVersionAsync());
    }

    [Fact]
    public async Task A_deployment_without_silos_reads_as_one_row_holding_its_version()
    {
        await ScalarAsync("InsertMembershipVersionKey", Deployment());

        var rows = await ReadAllAsync();

        var row = Assert.Single(rows);
        Assert.Equal((null, 0), (row.Address, row.Version));
    }

    [Fact]
    public async Task An_insert_with_a_stale_version_is_refused_and_changes_nothing()
    {
        await ScalarAsync("InsertMembershipVersionKey", Deployment());
        Assert.Equal(1, await ScalarAsync("InsertMembershipKey", Silo(port: 11111, Active, version: 0)));

        Assert.Equal(0, await ScalarAsync("InsertMembershipKey", Silo(port: 22222, Active, version: 0)));

        Assert.Equal([(11111, 1)], (await ReadAllAsync()).Select(r => (r.Port!.Value, r.Version)));
        Assert.Equal(1, await TableVersionAsync());
    }

    [Fact]
    public async Task Inserting_a_silo_that_already_has_a_row_is_refused_even_with_the_current_version()
    {
        await ScalarAsync("InsertMembershipVersionKey", Deployment());
        await ScalarAsync("InsertMembershipKey", Silo(port: 11111, Active, version: 0));

        Assert.Equal(0, await ScalarAsync("InsertMembershipKey", Silo(port: 11111, Joining, version: 1)));

        Assert.Equal(1, await TableVersionAsync());
        Assert.Equal(Active, Assert.Single(await ReadAllAsync()).Status);
    }

    [Fact]
    public async Task Of_silos_racing_with_the_same_version_exactly_one_joins()
    {
        await ScalarAsync("InsertMembershipVersionKey", Deployment());

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => ScalarAsync("InsertMembershipKey", Silo(port: 30000 + i, Joining, version: 0)))));

        Assert.Equal(1, results.Count(r => r == 1));
        Assert.Single(await ReadAllAsync());
        Assert.Equal(1, await TableVersionAsync());
    }

    [Fact]
    public async Task An_update_checks_and_bumps_the_version_and_a_stale_one_changes_nothing()
    {
        await ScalarAsync("InsertMembershipVersionKey", Deployment());
        await ScalarAsync("InsertMembershipKey", Silo(port: 11111, Joining, version: 0));

        Assert.Equal(0, await ScalarAsync("UpdateMembershipKey", Update(port: 11111, Dead, version: 0)));
        Assert.Equal((Joining, 1), await StatusAndVersionAsync());

        Assert.Equal(1, await ScalarAsync("UpdateMembershipKey", Update(port: 11111, Active, version: 1)));
        Assert.Equal((Active, 2), await StatusAndVersionAsync());
        Assert.Equal("suspect-list", Assert.Single(await ReadAllAsync()).SuspectTimes);
    }

    [Fact]
    public async Task Heartbeats_change_the_alive_time_but_never_the_version()
    {
        await ScalarAsync("InsertMembershipVersionKey", Deployment());
        await ScalarAsync("InsertMembershipKey", Silo(port: 11111, Active, version: 0));
        var later = new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        await ScalarAsync("UpdateIAmAlivetimeKey", [.. Key(11111), ("IAmAliveTime", later)]);

        var row = Assert.Single(await ReadAllAsync());
        Assert.Equal((later, 1), (row.IAmAliveTime, row.Version));
    }

    [Fact]
    public async Task Cleanup_deletes_only_dead_silos_older_than_the_cutoff_and_keeps_the_version_row()
    {
        await ScalarAsync("InsertMembershipVersionKey", Deployment());
        var old = DateTime.UtcNow.AddHours(-2);
        (int Port, int Status, DateTime Alive)[] silos = [(1, Dead, old), (2, Dead, DateTime.UtcNow), (3, Joining, old), (4, ShuttingDown, old), (5, Active, old)];
        for (var i = 0; i < silos.Length; i++)
        {
            await ScalarAsync("InsertMembershipKey", Silo(silos[i].Port, silos[i].Status, version: i, alive: silos[i].Alive));
        }

        await ScalarAsync("CleanupDefunctSiloEntriesKey", [.. Deployment(), ("IAmAliveTime", DateTime.UtcNow.AddHours(-1))]);

        Assert.Equal([2, 3, 4, 5], (await ReadAllAsync()).Select(r => r.Port!.Value).Order());
        Assert.Equal(silos.Length, await TableVersionAsync());
    }

    [Fact]
    public async Task Deleting_a_deployment_removes_its_silos_and_version_but_not_another_deployments()
    {
        await ScalarAsync("InsertMembershipVersionKey", Deployment());
        await ScalarAsync("InsertMembershipKey", Silo(port: 11111, Active, version: 0));
        await ScalarAsync("InsertMembershipVersionKey", [("DeploymentId", "cluster-b")]);

        await ScalarAsync("DeleteMembershipTableEntriesKey", Deployment());

        Assert.Empty(await ReadAllAsync());
        Assert.Equal(1L, await CountAsync("SELECT count(*) FROM orleansmembershipversiontable WHERE deploymentid = 'cluster-b'"));
    }

    [Fact]
    public async Task Gateways_are_the_active_silos_with_a_proxy_port()
    {
        await ScalarAsync("InsertMembershipVersionKey", Deployment());
        await ScalarAsync("InsertMembershipKey", Silo(port: 1, Active, version: 0, proxyPort: 30001));
        await ScalarAsync("InsertMembershipKey", Silo(port: 2, Active, version: 1, proxyPort: 0));
        await ScalarAsync("InsertMembershipKey", Silo(port: 3, Joining, version: 2, proxyPort: 30003));

        var gateways = await RowsAsync("GatewaysQueryKey", [.. Deployment(), ("Status", Active)], r => (r.GetString(r.GetOrdinal("Address")), r.GetInt32(r.GetOrdinal("ProxyPort"))));

        Assert.Equal([("127.0.0.1", 30001)], gateways);
    }

    private static (string, object?)[] Deployment() => [("DeploymentId", DeploymentId)];

    private static (string, object?)[] Key(int port) =>
        [("DeploymentId", DeploymentId), ("Address", "127.0.0.1"), ("Port", port), ("Generation", 7)];

    private static (string, object?)[] Silo(int port, int status, int version, DateTime? alive = null, int proxyPort = 0) =>
    [
        .. Key(port), ("SiloName", $"silo-{port}"), ("HostName", "host"), ("Status", status), ("ProxyPort", proxyPort),
        ("StartTime", DateTime.UtcNow), ("IAmAliveTime", alive ?? DateTime.UtcNow), ("Version", version),
    ];

    private static (string, object?)[] Update(int port, int status, int version) =>
        [.. Key(port), ("Status", status), ("SuspectTimes", "suspect-list"), ("IAmAliveTime", DateTime.UtcNow), ("Version", version)];

    private sealed record MemberRow(string? Address, int? Port, int? Status, string? SuspectTimes, DateTime? IAmAliveTime, int Version);

    private async Task<List<MemberRow>> ReadAllAsync()
    {
        // Raw rows: a deployment without silos reads as one NULL-member row, and one without a version row as none.
        return await RowsAsync("MembershipReadAllKey", Deployment(), r => new MemberRow(
            r["Address"] as string, r["Port"] as int?, r["Status"] as int?, r["SuspectTimes"] as string, r["IAmAliveTime"] as DateTime?, (int)r["Version"]));
    }

    private async Task<(int, int)> StatusAndVersionAsync()
    {
        var row = Assert.Single(await ReadAllAsync());
        return (row.Status!.Value, row.Version);
    }

    private async Task<int> TableVersionAsync() => (int)await CountAsync($"SELECT version FROM orleansmembershipversiontable WHERE deploymentid = '{DeploymentId}'");

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    private async Task<int> ScalarAsync(string queryKey, (string Name, object? Value)[] parameters)
    {
        var rows = await RowsAsync(queryKey, parameters, r => Convert.ToInt32(r.GetValue(0)));
        return rows.SingleOrDefault();
    }

    private async Task<List<T>> RowsAsync<T>(string queryKey, (string Name, object? Value)[] parameters, Func<NpgsqlDataReader, T> read)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var lookup = new NpgsqlCommand("SELECT querytext FROM orleansquery WHERE querykey = @key", connection);
        lookup.Parameters.AddWithValue("key", queryKey);
        var text = (string)(await lookup.ExecuteScalarAsync())!;
        await using var command = new NpgsqlCommand(text, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync()) rows.Add(read(reader));
        return rows;
    }
}
