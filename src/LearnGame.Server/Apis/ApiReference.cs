using System.Security.Cryptography;
using LearnGame.Server.Extensions;
using Scalar.AspNetCore;

namespace LearnGame.Server.Apis;

/// <summary>The REST API's OpenAPI document, generated from the endpoints, and a reference page to browse it, both served by us.</summary>
public static class ApiReference
{
    public const string DocumentPath = "/openapi/v1.json";
    public const string PagePath = "/api-reference";

    public static IServiceCollection AddLearnGameApiReference(this IServiceCollection services) =>
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "LearnGame REST API";
            document.Info.Description = "Sessions, quiz library and files, reports, learner profiles and challenges. Errors are RFC 9457 problems whose error member is a stable code (docs/protocol.md). The real-time part is the SignalR hub at /hubs/game.";
            return Task.CompletedTask;
        }));

    public static WebApplication MapLearnGameApiReference(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference(PagePath, (options, context) =>
        {
            // The page's own inline script runs by this request's nonce (hex: nothing in it is escaped in the HTML); the rest comes from us.
            var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            context.Response.Headers.ContentSecurityPolicy = PagePolicy(nonce);
            options.WithTitle("LearnGame REST API").WithOpenApiRoutePattern("/openapi/{documentName}.json").WithNonce(nonce)
                .DisableDefaultFonts().DisableTelemetry().DisableAgent().HideDeveloperTools();
        });
        return app;
    }

    /// <summary>
    /// The client's policy with two exceptions for this page: its inline script, allowed by nonce, and the inline styles
    /// and data: images the reference component writes.
    /// </summary>
    public static string PagePolicy(string nonce) =>
        ClientExtensions.ContentSecurityPolicy
            .Replace("script-src 'self'", $"script-src 'self' 'nonce-{nonce}'", StringComparison.Ordinal)
            .Replace("style-src 'self'", "style-src 'self' 'unsafe-inline'", StringComparison.Ordinal)
            .Replace("img-src 'self'", "img-src 'self' data:", StringComparison.Ordinal)
            .Replace("font-src 'self'", "font-src 'self' data:", StringComparison.Ordinal);
}
