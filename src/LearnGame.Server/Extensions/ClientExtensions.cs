namespace LearnGame.Server.Extensions;

/// <summary>Serves the browser client (built from client/ into wwwroot) with a strict Content-Security-Policy.</summary>
public static class ClientExtensions
{
    /// <summary>
    /// Only our own origin: the app loads nothing from a CDN, font service or analytics, and the policy makes the
    /// browser refuse it should anyone add such a thing. No inline script or style, so injected markup cannot run.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The client's pages: the app is one page that reads its view from the path.</summary>
    private static readonly string[] AppPaths = ["/play", "/host", "/screen"];

    public static WebApplication UseLearnGameClient(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            // The projector's URL carries the host token in its fragment; browsers never send fragments, and no
            // referrer at all keeps even the path to ourselves.
            headers["Referrer-Policy"] = "no-referrer";
            return next(context);
        });
        app.UseDefaultFiles();
        app.UseStaticFiles();
        foreach (var path in AppPaths) app.MapFallbackToFile(path, "index.html");
        return app;
    }
}
