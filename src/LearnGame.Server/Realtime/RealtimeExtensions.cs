namespace LearnGame.Server.Realtime;

/// <summary>SignalR, the per-silo relay and the local connection registry.</summary>
public static class RealtimeExtensions
{
    /// <summary>A client message larger than this closes that connection only.</summary>
    public const int MaxMessageBytes = 8 * 1024;

    private const string HubDispatcherCategory = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    public static WebApplicationBuilder AddLearnGameRealtime(this WebApplicationBuilder builder)
    {
        builder.Services.AddSignalR(o =>
        {
            o.MaximumReceiveMessageSize = MaxMessageBytes;
            o.EnableDetailedErrors = false;
        });
        // SignalR's dispatcher logs every invocation's arguments at Debug, and those include seat and host tokens.
        // Capping that one category keeps secrets out of logs whatever the configured level.
        builder.Logging.AddFilter(HubDispatcherCategory, level => level >= LogLevel.Information);
        builder.Services.AddSingleton<LocalConnections>();
        builder.Services.AddSingleton<LearnGame.Server.Apis.SessionLauncher>();
        builder.Services.AddSingleton<LearnGame.Server.Apis.TrainerKeys>();
        builder.Services.AddSingleton<SessionRelay>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SessionRelay>());
        return builder;
    }
}
