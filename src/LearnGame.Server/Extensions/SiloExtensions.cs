using LearnGame.Grains;
using LearnGame.Grains.Abstractions;
using LearnGame.Storage;
using Orleans.Configuration;
using Orleans.Serialization;

namespace LearnGame.Server.Extensions;

/// <summary>Co-hosts the Orleans silo: one silo on localhost clustering, grain state in SQLite through Orleans ADO.NET.</summary>
public static class SiloExtensions
{
    public static WebApplicationBuilder AddLearnGameSilo(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(OrleansSettings.Section).Get<OrleansSettings>() ?? new OrleansSettings();
        var storage = builder.Configuration.GetSection(StorageSettings.Section).Get<StorageSettings>() ?? new StorageSettings();
        if (storage.Problems() is { Count: > 0 } problems) throw new StartupException(string.Join(Environment.NewLine, problems));
        if (storage.Provider.Trim().Equals(StorageSettings.Postgres, StringComparison.OrdinalIgnoreCase))
            throw new StartupException("PostgreSQL storage is not wired into the server yet; use Storage:Provider=sqlite.");
        var dataDirectory = DataDirectory(builder);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Host.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort, serviceId: settings.ServiceId, clusterId: settings.ClusterId);
            try
            {
                silo.AddLearnGameSqliteStorage(dataDirectory, GrainStorage.Name);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
            {
                throw new StartupException($"Cannot open the SQLite database in {dataDirectory} (Storage:DataDirectory): {e.Message}", e);
            }
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
}
