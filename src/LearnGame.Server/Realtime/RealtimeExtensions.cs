using LearnGame.Server.Extensions;
using Microsoft.AspNetCore.SignalR;

namespace LearnGame.Server.Realtime;

/// <summary>SignalR, the per-silo relay and the local connection registry.</summary>
public static class RealtimeExtensions
{
    /// <summary>A client message larger than this closes that connection only.</summary>
    public const int MaxMessageBytes = 8 * 1024;

    private const string HubDispatcherCategory = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    /// <summary>SignalR closes a connection that has not taken a message for this long (Realtime:SendTimeoutSeconds).</summary>
    public const int DefaultSendTimeoutSeconds = 10;

    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">Realtime:SendTimeoutSeconds is not a whole number from 1 to 600.</exception>
    public static WebApplicationBuilder AddLearnGameRealtime(this WebApplicationBuilder builder)
    {
        var realtime = builder.AddValidated(RealtimeOptions.Section, new RealtimeOptionsValidator(builder.Configuration));
        builder.Services.AddSingleton(new RealtimeSettings(TimeSpan.FromSeconds(realtime.SendTimeoutSeconds)));
        builder.Services.AddSignalR(o =>
        {
            o.MaximumReceiveMessageSize = MaxMessageBytes;
            o.EnableDetailedErrors = false;
            o.AddFilter<UnavailableFilter>();
        }).AddJsonProtocol(o => Extensions.WireJson.Apply(o.PayloadSerializerOptions));
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

    /// <summary>The game's hub at <see cref="GameHub.Path"/>, with the configured send timeout.</summary>
    public static HubEndpointConventionBuilder MapLearnGameHub(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<RealtimeSettings>();
        return app.MapHub<GameHub>(GameHub.Path, o => o.TransportSendTimeout = settings.SendTimeout);
    }
}

/// <summary>
/// How long a connection may go without taking a message before SignalR closes it (its browser then reconnects and
/// takes its seat back). Nobody else waits for it meanwhile: the relay does not wait for slow connections.
/// </summary>
public sealed record RealtimeSettings(TimeSpan SendTimeout);
