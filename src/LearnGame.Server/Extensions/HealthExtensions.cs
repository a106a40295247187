namespace LearnGame.Server.Extensions;

/// <summary>/health answers 200 once the host (and so the silo) has started, 503 before and while stopping.</summary>
public static class HealthExtensions
{
    public static void MapHealth(this WebApplication app) =>
        app.MapGet("/health", (IHostApplicationLifetime life) =>
            life.ApplicationStarted.IsCancellationRequested && !life.ApplicationStopping.IsCancellationRequested
                ? Results.Text("ok")
                : Results.Text("starting", statusCode: StatusCodes.Status503ServiceUnavailable))
            .WithTags("Operations").WithSummary("Whether the server is up")
            .WithDescription("200 ok once the server and its Orleans silo have started; 503 before and while stopping.");
}
