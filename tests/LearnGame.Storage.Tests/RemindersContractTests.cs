using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans;
using Orleans.Runtime;

namespace LearnGame.Storage.Tests;

/// <summary>A grain that registers and unregisters one-minute reminders.</summary>
public interface IReminderProbeGrain : IGrainWithStringKey
{
    /// <summary>Registers (or re-registers) the reminder.</summary>
    Task RegisterAsync(string name);

    /// <summary>Whether the reminder service knows the reminder.</summary>
    Task<bool> HasAsync(string name);

    /// <summary>Unregisters the reminder.</summary>
    Task UnregisterAsync(string name);
}

/// <summary>Registers reminders through the grain's reminder API; ticks are ignored.</summary>
public sealed class ReminderProbeGrain : Grain, IReminderProbeGrain, IRemindable
{
    /// <inheritdoc />
    public Task RegisterAsync(string name) => this.RegisterOrUpdateReminder(name, TimeSpan.FromHours(1), TimeSpan.FromMinutes(1));

    /// <inheritdoc />
    public async Task<bool> HasAsync(string name) => await this.GetReminder(name) is not null;

    /// <inheritdoc />
    public async Task UnregisterAsync(string name) => await this.UnregisterReminder((await this.GetReminder(name))!);

    /// <inheritdoc />
    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;
}

/// <summary>The Orleans ADO.NET reminder provider on our schema; one suite, run on each database by a subclass.</summary>
public abstract class RemindersContractTests : IAsyncLifetime
{
    private IHost _silo = null!;

    /// <summary>The running silo's services.</summary>
    protected IServiceProvider Services => _silo.Services;

    /// <summary>Starts a silo whose reminders live in a fresh test database.</summary>
    protected abstract Task<IHost> StartSiloAsync();

    /// <summary>(name, period in ms, service id) of every stored reminder.</summary>
    protected abstract Task<List<(string, long, string)>> RowsAsync();

    public async Task InitializeAsync() => _silo = await StartSiloAsync();

    public async Task DisposeAsync()
    {
        await _silo.StopAsync();
        _silo.Dispose();
        DeleteDatabase();
    }

    /// <summary>Removes what the test database left on disk, once the silo is stopped.</summary>
    protected virtual void DeleteDatabase() { }

    [Fact]
    public async Task A_grains_reminder_is_a_row_until_it_is_unregistered()
    {
        var grain = _silo.Services.GetRequiredService<IGrainFactory>().GetGrain<IReminderProbeGrain>("purge-session");

        await grain.RegisterAsync("purge");

        Assert.True(await grain.HasAsync("purge"));
        Assert.Equal([("purge", 60_000L, PostgresSilo.ServiceId)], await RowsAsync());

        await grain.UnregisterAsync("purge");

        Assert.False(await grain.HasAsync("purge"));
        Assert.Empty(await RowsAsync());
    }

    [Fact]
    public async Task Upserting_overwrites_the_reminder_and_refuses_removal_with_the_older_etag()
    {
        var table = _silo.Services.GetRequiredService<IReminderTable>();
        var grainId = GrainId.Create("probe", "upsert");
        var start = new DateTime(2030, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        var firstETag = Assert.IsType<string>(await table.UpsertRow(new ReminderEntry { GrainId = grainId, ReminderName = "r", StartAt = start, Period = TimeSpan.FromMinutes(1) }));

        var secondETag = Assert.IsType<string>(await table.UpsertRow(new ReminderEntry { GrainId = grainId, ReminderName = "r", StartAt = start.AddDays(1), Period = TimeSpan.FromHours(2) }));

        Assert.NotEqual(firstETag, secondETag);
        var read = Assert.IsType<ReminderEntry>(await table.ReadRow(grainId, "r"));
        Assert.Equal((start.AddDays(1), TimeSpan.FromHours(2), secondETag), (read.StartAt, read.Period, read.ETag));
        Assert.False(await table.RemoveRow(grainId, "r", firstETag));
        Assert.True(await table.RemoveRow(grainId, "r", secondETag));
        Assert.Null(await table.ReadRow(grainId, "r"));
    }

    [Fact]
    public async Task Reminders_are_read_per_grain_and_per_hash_range_including_a_wrapped_range()
    {
        var table = _silo.Services.GetRequiredService<IReminderTable>();
        var grainId = GrainId.Create("probe", "range");
        var other = GrainId.Create("probe", "other");
        foreach (var name in new[] { "a", "b" })
        {
            await table.UpsertRow(new ReminderEntry { GrainId = grainId, ReminderName = name, StartAt = DateTime.UtcNow, Period = TimeSpan.FromMinutes(1) });
        }
        await table.UpsertRow(new ReminderEntry { GrainId = other, ReminderName = "a", StartAt = DateTime.UtcNow, Period = TimeSpan.FromMinutes(1) });
        var hash = grainId.GetUniformHashCode();

        Assert.Equal(["a", "b"], (await table.ReadRows(grainId)).Reminders.Select(r => r.ReminderName).Order());
        // Ranges are (begin, end]; begin > end wraps around the ring.
        Assert.Contains(grainId, Grains(await table.ReadRows(unchecked(hash - 1), hash)));
        Assert.DoesNotContain(grainId, Grains(await table.ReadRows(hash, unchecked(hash + 1))));
        Assert.Contains(grainId, Grains(await table.ReadRows(unchecked(hash + 1), hash)));
        Assert.DoesNotContain(grainId, Grains(await table.ReadRows(hash, unchecked(hash - 1))));
    }

    private static HashSet<GrainId> Grains(ReminderTableData data) => data.Reminders.Select(r => r.GrainId).ToHashSet();

}

[Collection(PostgresCollection.Name)]
public sealed class PostgresRemindersTests(PostgresFixture postgres) : RemindersContractTests
{
    private string _connectionString = "";

    protected override async Task<IHost> StartSiloAsync()
    {
        _connectionString = await postgres.CreateDatabaseAsync();
        return await PostgresSilo.StartAsync(_connectionString, "cluster-" + Guid.NewGuid().ToString("N"),
            silo => silo.UseLearnGamePostgresReminders(_connectionString));
    }

    protected override async Task<List<(string, long, string)>> RowsAsync()
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT remindername, period, serviceid FROM orleansreminderstable", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, long, string)>();
        while (await reader.ReadAsync()) rows.Add((reader.GetString(0), reader.GetInt64(1), reader.GetString(2)));
        return rows;
    }
}

/// <summary>
/// Reminders in the SQLite database of a one-silo server (localhost clustering), so pending purges survive a restart.
/// The grain storage is in the same database, as in the server: the reminders' writes take its writer's turn.
/// </summary>
public sealed class SqliteRemindersTests : RemindersContractTests
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public void The_reminders_writes_take_their_turn_in_the_grain_storages_writer() =>
        Assert.IsType<OneWriterReminderTable>(Services.GetRequiredService<IReminderTable>());

    protected override async Task<IHost> StartSiloAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(PostgresSilo.FreePort(), PostgresSilo.FreePort(), serviceId: PostgresSilo.ServiceId, clusterId: "sqlite-" + Guid.NewGuid().ToString("N"));
            silo.AddLearnGameSqliteStorage(_temp.Path);
            silo.UseLearnGameSqliteReminders(_temp.Path);
        });
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    protected override void DeleteDatabase() => _temp.Dispose();

    protected override Task<List<(string, long, string)>> RowsAsync()
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection(LearnGameStorage.CreateSqliteConnectionString(_temp.Path));
        connection.Open();
        using var command = new Microsoft.Data.Sqlite.SqliteCommand("SELECT ReminderName, Period, ServiceId FROM OrleansRemindersTable", connection);
        using var reader = command.ExecuteReader();
        var rows = new List<(string, long, string)>();
        while (reader.Read()) rows.Add((reader.GetString(0), reader.GetInt64(1), reader.GetString(2)));
        return Task.FromResult(rows);
    }
}
