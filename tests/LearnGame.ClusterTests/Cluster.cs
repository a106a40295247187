using LearnGame.Testing;

namespace LearnGame.ClusterTests;

/// <summary>A LearnGame cluster of real silo processes on loopback, sharing one PostgreSQL database.</summary>
public sealed class Cluster : IAsyncDisposable
{
    private readonly string _dataDirectory = ServerHost.NewDataDirectory();
    private readonly string _clusterId = $"cluster-{Guid.NewGuid():N}";
    private readonly Dictionary<string, string> _settings;

    private Cluster(string connectionString) =>
        _settings = new()
        {
            ["Storage:Provider"] = "postgres",
            ["Storage:ConnectionString"] = connectionString,
            ["Orleans:ServiceId"] = $"svc-{Guid.NewGuid():N}",
        };

    public List<ServerProcess> Silos { get; } = [];

    public static async Task<Cluster> Start(PostgresServer postgres, int silos)
    {
        var cluster = new Cluster(postgres.ConnectionString);
        for (var i = 0; i < silos; i++) await cluster.AddSilo();
        return cluster;
    }

    public async Task<ServerProcess> AddSilo()
    {
        var silo = await ServerProcess.Start(_dataDirectory, _clusterId, _settings);
        Silos.Add(silo);
        return silo;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in Silos) await silo.DisposeAsync();
    }
}

/// <summary>The cluster tests share one PostgreSQL server.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
