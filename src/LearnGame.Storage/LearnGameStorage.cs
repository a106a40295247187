using LearnGame.Storage.Batching;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Storage;

namespace LearnGame.Storage;

/// <summary>Wires LearnGame's SQLite grain storage (our schema, Orleans' ADO.NET provider) into a silo.</summary>
public static class LearnGameStorage
{
    /// <summary>The grain storage name grains use in <c>[PersistentState(..., LearnGameStorage.Name)]</c>.</summary>
    public const string Name = "learngame";

    /// <summary>The database file created inside the data directory.</summary>
    public const string DatabaseFileName = "learngame.db";

    // Orleans 10.4.2 knows SQLite only by this invariant, and it loads Microsoft.Data.Sqlite's SqliteFactory for it.
    private const string SqliteInvariant = "System.Data.SQLite";

    /// <summary>The connection string of the database in <paramref name="dataDirectory"/>.</summary>
    public static string CreateSqliteConnectionString(string dataDirectory) => new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(Path.GetFullPath(dataDirectory), DatabaseFileName),
        Pooling = true,
        // Microsoft.Data.Sqlite retries SQLITE_BUSY until this many seconds pass, so concurrent grain writes queue instead of failing.
        DefaultTimeout = 30,
    }.ToString();

    /// <summary>Creates or upgrades the database in <paramref name="dataDirectory"/> now, then registers it as grain storage.</summary>
    public static ISiloBuilder AddLearnGameSqliteStorage(this ISiloBuilder silo, string dataDirectory, string storageName = Name)
    {
        var connectionString = CreateSqliteConnectionString(dataDirectory);
        // Orleans reads its queries from the database when storage initialises, so the schema must exist before the silo starts.
        // Microsoft.Data.Sqlite's async calls complete synchronously, so blocking here cannot deadlock.
        SqliteSchema.EnsureCreatedAsync(connectionString).GetAwaiter().GetResult();
        return silo.AddLearnGameGrainStorage(storageName, SqliteInvariant, connectionString, sqlite: true);
    }

    /// <summary>
    /// Orleans' ADO.NET provider under an inner name, reached by grains under <paramref name="storageName"/> through
    /// <see cref="SnapshotStorage"/> and <see cref="OneWriterStorage"/> with an <see cref="UpdateBatch"/>: the updates of
    /// Guid-keyed states that wait together (on SQLite their first writes too) are written in one transaction. The
    /// provider's name is not part of a row's key (the state name is), so rows stored before these wrappers read back the same.
    /// </summary>
    internal static ISiloBuilder AddLearnGameGrainStorage(this ISiloBuilder silo, string storageName, string invariant, string connectionString, bool sqlite)
    {
        var serializer = new LearnGameStateSerializer();
        var inner = storageName + ".adonet";
        silo.AddAdoNetGrainStorage(inner, options =>
        {
            options.Invariant = invariant;
            options.ConnectionString = connectionString;
            options.GrainStorageSerializer = serializer;
        });
        silo.Services.AddKeyedSingleton(storageName, (services, _) =>
            new OneWriterStorage(services.GetRequiredKeyedService<IGrainStorage>(inner), services.GetRequiredKeyedService<UpdateBatch>(storageName)));
        silo.Services.AddKeyedSingleton<IGrainStorage>(storageName, (services, _) =>
            new SnapshotStorage(services.GetRequiredKeyedService<OneWriterStorage>(storageName), serializer));
        silo.Services.AddKeyedSingleton<UpdateBatch>(storageName, (services, _) =>
        {
            var serviceId = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Orleans.Configuration.ClusterOptions>>().Value.ServiceId;
            if (!sqlite) return new PostgresUpdateBatch(connectionString, serviceId, serializer);
            // First writes store the hashes the provider would: with its own picker, under its name.
            var picker = (services.GetRequiredKeyedService<IGrainStorage>(inner) as AdoNetGrainStorage)?.HashPicker ?? ProviderHashes.DefaultPicker;
            return new SqliteUpdateBatch(connectionString, serviceId, serializer, new ProviderHashes(picker, serviceId, inner));
        });
        return silo;
    }

    /// <summary>
    /// Creates or upgrades the database in <paramref name="dataDirectory"/> now, then keeps the silo's reminders in it.
    /// When the grain storage <paramref name="storageName"/> is in the same database, the reminders' writes take their
    /// turn in its one writer (<see cref="OneWriterReminderTable"/>).
    /// </summary>
    public static ISiloBuilder UseLearnGameSqliteReminders(this ISiloBuilder silo, string dataDirectory, string storageName = Name)
    {
        var connectionString = CreateSqliteConnectionString(dataDirectory);
        SqliteSchema.EnsureCreatedAsync(connectionString).GetAwaiter().GetResult();
        silo.UseAdoNetReminderService(options =>
        {
            options.Invariant = SqliteInvariant;
            options.ConnectionString = connectionString;
        });
        var table = silo.Services.Last(d => d.ServiceType == typeof(IReminderTable) && !d.IsKeyedService);
        silo.Services.Remove(table);
        silo.Services.AddSingleton<IReminderTable>(services =>
        {
            var inner = (IReminderTable)(table.ImplementationInstance ?? table.ImplementationFactory?.Invoke(services)
                ?? ActivatorUtilities.CreateInstance(services, table.ImplementationType!));
            return services.GetKeyedService<OneWriterStorage>(storageName) is { Batch: { OneWriterOnly: true } batch } writer && batch.ConnectionString == connectionString
                ? new OneWriterReminderTable(inner, writer)
                : inner;
        });
        return silo;
    }
}
