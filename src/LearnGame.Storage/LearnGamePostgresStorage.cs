using Orleans.Hosting;

namespace LearnGame.Storage;

/// <summary>Wires LearnGame's PostgreSQL schema (grain storage, cluster membership, reminders) into a silo through Orleans' ADO.NET providers.</summary>
public static class LearnGamePostgresStorage
{
    /// <summary>The ADO.NET invariant Orleans 10.4.2 maps to Npgsql's NpgsqlFactory.</summary>
    public const string Invariant = "Npgsql";

    /// <summary>Creates or upgrades the schema now, then registers the database as grain storage named <paramref name="storageName"/>.</summary>
    /// <exception cref="StorageUnavailableException">PostgreSQL cannot be reached or refuses the connection.</exception>
    public static ISiloBuilder AddLearnGamePostgresStorage(this ISiloBuilder silo, string connectionString, string storageName = LearnGameStorage.Name)
    {
        EnsureSchema(connectionString);
        return silo.AddLearnGameGrainStorage(storageName, Invariant, connectionString, sqlite: false);
    }

    /// <summary>Creates or upgrades the schema now, then makes the silo find its cluster through the membership table.</summary>
    /// <exception cref="StorageUnavailableException">PostgreSQL cannot be reached or refuses the connection.</exception>
    public static ISiloBuilder UseLearnGamePostgresClustering(this ISiloBuilder silo, string connectionString)
    {
        EnsureSchema(connectionString);
        return silo.UseAdoNetClustering(options =>
        {
            options.Invariant = Invariant;
            options.ConnectionString = connectionString;
        });
    }

    /// <summary>Creates or upgrades the schema now, then keeps the silo's reminders in the reminders table.</summary>
    /// <exception cref="StorageUnavailableException">PostgreSQL cannot be reached or refuses the connection.</exception>
    public static ISiloBuilder UseLearnGamePostgresReminders(this ISiloBuilder silo, string connectionString)
    {
        EnsureSchema(connectionString);
        return silo.UseAdoNetReminderService(options =>
        {
            options.Invariant = Invariant;
            options.ConnectionString = connectionString;
        });
    }

    // Orleans loads its queries from OrleansQuery when the providers initialise, so the schema must exist before the silo starts.
    // Builder callbacks run without a synchronization context, so blocking here cannot deadlock; a second call is a cheap no-op.
    private static void EnsureSchema(string connectionString) =>
        PostgresSchema.EnsureCreatedAsync(connectionString).GetAwaiter().GetResult();
}
