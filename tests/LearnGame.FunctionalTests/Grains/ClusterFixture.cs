using LearnGame.Grains;
using LearnGame.Grains.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;
using Orleans.TestingHost;

namespace LearnGame.FunctionalTests.Grains;

/// <summary>An Orleans test cluster (one silo, in process) whose grain storage counts writes and can fail on demand.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public CountingStorage Storage { get; } = new();

    /// <summary>The silo's clock; a test may move it forward (and must put it back).</summary>
    public ShiftedTime Time { get; } = new();
    public InProcessTestCluster Cluster { get; private set; } = null!;
    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSerializer(s => s.AddLearnGameSerialization());
            silo.Services.AddKeyedSingleton<IGrainStorage>(GrainStorage.Name, Storage);
            silo.Services.AddSingleton<TimeProvider>(Time);
            silo.UseInMemoryReminderService();
        });
        builder.ConfigureClient(client => client.Services.AddSerializer(s => s.AddLearnGameSerialization()));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }
}

/// <summary>The system clock moved forward by <see cref="Shift"/>, to reach the end of a retention period without waiting for it.</summary>
public sealed class ShiftedTime : TimeProvider
{
    public TimeSpan Shift { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Shift;
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
