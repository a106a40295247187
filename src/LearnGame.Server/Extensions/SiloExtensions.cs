using LearnGame.Grains;
using LearnGame.Grains.Abstractions;
using LearnGame.Grains.Sessions;
using LearnGame.Storage;
using System.Net;
using Orleans.Configuration;
using Orleans.Serialization;

namespace LearnGame.Server.Extensions;

/// <summary>
/// Co-hosts the Orleans silo: one silo on localhost clustering with grain state and reminders in SQLite, or a cluster
/// member with membership, grain state and reminders in PostgreSQL; all through Orleans ADO.NET and our own schema.
/// </summary>
public static class SiloExtensions
{
    public static WebApplicationBuilder AddLearnGameSilo(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(OrleansSettings.Section).Get<OrleansSettings>() ?? new OrleansSettings();
        var storage = builder.Configuration.GetSection(StorageSettings.Section).Get<StorageSettings>() ?? new StorageSettings();
        if (storage.Problems() is { Count: > 0 } problems) throw new StartupException(string.Join(Environment.NewLine, problems));
        var retention = builder.Configuration.GetSection(RetentionOptions.Section);
        if (ReadRetention(retention).Problems() is { Count: > 0 } retentionProblems)
            throw new StartupException(string.Join(Environment.NewLine, retentionProblems));
        builder.Services.Configure<RetentionOptions>(retention);
        if (!IPAddress.TryParse(settings.AdvertisedAddress, out var advertised))
            throw new StartupException($"Orleans:AdvertisedAddress \"{settings.AdvertisedAddress}\" is not an IP address.");
        var dataDirectory = DataDirectory(builder);
        var postgres = storage.Provider.Trim().Equals(StorageSettings.Postgres, StringComparison.OrdinalIgnoreCase);
        if (settings.Kubernetes && !postgres)
            throw new StartupException("Orleans:Kubernetes is true but Storage:Provider is not postgres: silos in Kubernetes share their membership and state through PostgreSQL.");
        if (settings.Kubernetes && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("KUBERNETES_SERVICE_HOST")))
            throw new StartupException("Orleans:Kubernetes is true but this process does not run in a Kubernetes pod (KUBERNETES_SERVICE_HOST is not set).");
        var operations = builder.Configuration.GetSection(OperationsSettings.Section).Get<OperationsSettings>() ?? new OperationsSettings();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Host.UseOrleans(silo =>
        {
            try
            {
                if (postgres)
                {
                    // A cluster: membership in PostgreSQL, any number of silos, each reachable at its advertised address.
                    silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (settings.ClusterId, settings.ServiceId));
                    if (settings.Kubernetes)
                    {
                        // Orleans' Kubernetes hosting advertises the pod's IP (POD_IP), listens on every address, names
                        // the silo after its pod and declares silos dead as soon as their pods are deleted.
                        silo.Configure<EndpointOptions>(o => (o.SiloPort, o.GatewayPort) = (settings.SiloPort, settings.GatewayPort));
                        silo.UseKubernetesHosting();
                    }
                    else
                    {
                        silo.ConfigureEndpoints(advertised, settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: false);
                    }
                    silo.UseLearnGamePostgresClustering(storage.ConnectionString);
                    silo.AddLearnGamePostgresStorage(storage.ConnectionString, GrainStorage.Name);
                    silo.UseLearnGamePostgresReminders(storage.ConnectionString);
                    silo.Configure<ClusterMembershipOptions>(ClusterTuning.FastFailureDetection);
                }
                else
                {
                    silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort, serviceId: settings.ServiceId, clusterId: settings.ClusterId);
                    silo.AddLearnGameSqliteStorage(dataDirectory, GrainStorage.Name);
                    silo.UseLearnGameSqliteReminders(dataDirectory, GrainStorage.Name);
                }
            }
            catch (StorageUnavailableException e)
            {
                throw new StartupException(e.Message, e);
            }
            catch (Exception e) when (!postgres && e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
            {
                throw new StartupException($"Cannot open the SQLite database in {dataDirectory} (Storage:DataDirectory): {e.Message}", e);
            }
            silo.AddLearnGameDashboard(operations);
            silo.Services.AddSerializer(s => s.AddLearnGameSerialization());
        });
        return builder;
    }

    private static RetentionOptions ReadRetention(IConfigurationSection section)
    {
        try
        {
            return section.Get<RetentionOptions>() ?? new RetentionOptions();
        }
        catch (InvalidOperationException e)
        {
            throw new StartupException("Retention:EndedSessions and Retention:CheckEvery are durations written d.hh:mm:ss (for example 30.00:00:00 for 30 days).", e);
        }
    }

    /// <summary>Storage:DataDirectory, or ./data under the content root; relative paths are taken from the content root.</summary>
    public static string DataDirectory(WebApplicationBuilder builder)
    {
        var configured = builder.Configuration["Storage:DataDirectory"];
        var directory = string.IsNullOrWhiteSpace(configured) ? "data" : configured;
        return Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, directory));
    }
}

/// <summary>The "Orleans" configuration section.</summary>
public sealed class OrleansSettings
{
    public const string Section = "Orleans";
    public string ClusterId { get; set; } = "learngame";
    public string ServiceId { get; set; } = "learngame";
    public int SiloPort { get; set; } = EndpointOptions.DEFAULT_SILO_PORT;
    public int GatewayPort { get; set; } = EndpointOptions.DEFAULT_GATEWAY_PORT;

    /// <summary>The address other silos reach this one at (cluster mode only).</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>Runs as a Kubernetes pod with Orleans' Kubernetes hosting (PostgreSQL only); the pod's IP replaces AdvertisedAddress.</summary>
    public bool Kubernetes { get; set; }
}
