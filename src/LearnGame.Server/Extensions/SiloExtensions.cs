using System.Net;
using LearnGame.Grains;
using LearnGame.Grains.Abstractions;
using LearnGame.Grains.Sessions;
using LearnGame.Storage;
using Microsoft.Extensions.Options;
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
        // Every section is checked before the silo is configured, so that a bad setting never reaches a database.
        var failures = new List<OptionsValidationException>();
        T Validated<T>(string section, IValidateOptions<T> validator) where T : class, new()
        {
            try
            {
                return builder.AddValidated(section, validator);
            }
            catch (OptionsValidationException e)
            {
                failures.Add(e);
                return new T();
            }
        }
        var storage = Validated(StorageSettings.Section, new StorageSettingsValidator());
        Validated(RetentionOptions.Section, new RetentionOptionsValidator(builder.Configuration));
        var settings = Validated(OrleansSettings.Section, new OrleansSettingsValidator(builder.Configuration));
        if (failures.Count > 0) throw new AggregateException(failures);
        var advertised = IPAddress.Parse(settings.AdvertisedAddress);
        var dataDirectory = DataDirectory(builder);
        var postgres = storage.Provider.Trim().Equals(StorageSettings.Postgres, StringComparison.OrdinalIgnoreCase);
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
