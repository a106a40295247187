using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans;
using Orleans.Hosting;

namespace LearnGame.Storage.Tests;

/// <summary>Which reminder table a silo gets: the one writer's turn only when the grain storage shares the SQLite file.</summary>
public sealed class OneWriterReminderWiringTests
{
    [Fact]
    public void Reminders_in_the_grain_storages_database_take_its_writers_turn()
    {
        using var temp = new TempDirectory();

        Assert.IsType<OneWriterReminderTable>(TableOf(silo =>
        {
            silo.AddLearnGameSqliteStorage(temp.Path);
            silo.UseLearnGameSqliteReminders(temp.Path);
        }));
    }

    [Fact]
    public void Reminders_without_grain_storage_are_orleans_table_as_it_is()
    {
        using var temp = new TempDirectory();

        Assert.IsNotType<OneWriterReminderTable>(TableOf(silo => silo.UseLearnGameSqliteReminders(temp.Path)));
    }

    [Fact]
    public void Reminders_in_another_database_than_the_grain_storage_do_not_wait_for_its_writer()
    {
        using var storage = new TempDirectory();
        using var reminders = new TempDirectory();

        Assert.IsNotType<OneWriterReminderTable>(TableOf(silo =>
        {
            silo.AddLearnGameSqliteStorage(storage.Path);
            silo.UseLearnGameSqliteReminders(reminders.Path);
        }));
    }

    // The silo is built, not started: the table is only resolved.
    private static IReminderTable TableOf(Action<ISiloBuilder> configure)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(PostgresSilo.FreePort(), PostgresSilo.FreePort(), serviceId: PostgresSilo.ServiceId, clusterId: "wiring-" + Guid.NewGuid().ToString("N"));
            configure(silo);
        });
        using var host = builder.Build();
        return host.Services.GetRequiredService<IReminderTable>();
    }
}
