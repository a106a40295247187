using LearnGame.Server.Apis;
using LearnGame.Server.Realtime;
using Microsoft.Extensions.Options;

namespace LearnGame.Server.Security;

/// <summary>
/// Where browsers may open game connections and change state from: this server's own origin and the public URLs an
/// operator lists (<c>Security:AllowedOrigins</c>). Without it any web page could drive the hub or the API from its
/// visitors' browsers (cross-site WebSocket hijacking). Requests without an Origin header (scripts, the load tool,
/// other servers) are not a browser's cross-site request and pass.
/// </summary>
public sealed class OriginSettings
{
    public const string Section = "Security";

    /// <summary>Origins besides the server's own, as <c>https://quiz.example.org</c> (scheme, host and port).</summary>
    public List<string> AllowedOrigins { get; set; } = [];
}

/// <summary>Refuses the hub and state-changing REST requests of a browser on another origin, with a 403 problem.</summary>
public static class OriginCheck
{
    public const string Refused = "origin-not-allowed";

    public static IServiceCollection AddLearnGameOriginCheck(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OriginSettings>().Bind(configuration.GetSection(OriginSettings.Section));
        return services;
    }

    public static WebApplication UseLearnGameOriginCheck(this WebApplication app)
    {
        var allowed = app.Services.GetRequiredService<IOptions<OriginSettings>>().Value.AllowedOrigins
            .Select(Normalise).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        app.Use(async (context, next) =>
        {
            if (Guarded(context.Request) && context.Request.Headers.Origin is { Count: > 0 } origin && !Allowed(origin.ToString(), context.Request, allowed))
            {
                await ApiErrors.Problem(StatusCodes.Status403Forbidden, Refused,
                    "This server does not take game connections or changes from pages of another site.").ExecuteAsync(context);
                return;
            }
            await next(context);
        });
        return app;
    }

    /// <summary>The hub (negotiation and WebSocket alike), and every REST call that may change something.</summary>
    private static bool Guarded(HttpRequest request) =>
        request.Path.StartsWithSegments(GameHub.Path)
        || request.Path.StartsWithSegments("/api") && !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method));

    /// <summary>The page's origin is this server as the browser reached it (its Host), or one the operator listed.</summary>
    public static bool Allowed(string origin, HttpRequest request, IReadOnlySet<string> allowed)
    {
        // "null" comes from sandboxed frames, files and some redirects: never one of ours.
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")) return false;
        if (string.Equals(uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}", Authority(request), StringComparison.OrdinalIgnoreCase)) return true;
        return Normalise(origin) is { } normalised && allowed.Contains(normalised);
    }

    private static string Authority(HttpRequest request) =>
        request.Host.Port is { } port && port != (request.IsHttps ? 443 : 80) ? $"{request.Host.Host}:{port}" : request.Host.Host;

    private static string? Normalise(string origin) =>
        Uri.TryCreate(origin.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? $"{uri.Scheme}://{uri.Authority}" : null;
}
