using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Hosting;

namespace LearnGame.Storage.Tests;

/// <summary>Real silos on loopback that find each other through LearnGame's PostgreSQL membership table.</summary>
public static class PostgresSilo
{
    /// <summary>The ServiceId of every silo these tests start.</summary>
    public const string ServiceId = "learngame-cluster-tests";

    /// <summary>Starts a silo in <paramref name="clusterId"/>; StartAsync returns once the silo is Active in the membership table.</summary>
    public static async Task<IHost> StartAsync(string connectionString, string clusterId, Action<ISiloBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(options => (options.ClusterId, options.ServiceId) = (clusterId, ServiceId));
            silo.ConfigureEndpoints(IPAddress.Loopback, FreePort(), FreePort());
            silo.UseLearnGamePostgresClustering(connectionString);
            configure?.Invoke(silo);
        });
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    /// <summary>A loopback port nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
