using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using LearnGame.Server.Apis;
using Orleans.Dashboard;

namespace LearnGame.Server.Extensions;

/// <summary>
/// The Orleans Dashboard at <see cref="Path"/>, open only to the operator key (configuration Operations:OperatorKey).
/// Without a key the dashboard is not even added to the silo (its grain call filter costs every call), so the path is
/// a plain 404.
/// </summary>
public static class DashboardExtensions
{
    public const string Path = "/dashboard";
    public const string Header = "X-Operator-Key";

    /// <summary>
    /// The dashboard's own page needs inline style attributes, data: fonts and images; everything else stays as strict as
    /// the app's policy, and only on this path.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>Adds the dashboard's silo services when an operator key is configured; call inside UseOrleans.</summary>
    public static void AddLearnGameDashboard(this ISiloBuilder silo, OperationsSettings operations)
    {
        if (operations.DashboardEnabled) silo.AddDashboard();
    }

    /// <summary>Maps the dashboard behind the operator key, when one is configured.</summary>
    public static void MapLearnGameDashboard(this WebApplication app)
    {
        var operations = app.Configuration.GetSection(OperationsSettings.Section).Get<OperationsSettings>() ?? new OperationsSettings();
        if (!operations.DashboardEnabled) return;
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(operations.OperatorKey));
        app.UseWhen(context => context.Request.Path.StartsWithSegments(Path), gated => gated.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.CacheControl = "no-store";
            if (PresentedKey(context.Request) is { } key && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(key)), expected))
                return next(context);
            // One answer for a missing and a wrong key; the Basic challenge makes a browser ask for it.
            headers.WWWAuthenticate = "Basic realm=\"LearnGame operator\", charset=\"UTF-8\"";
            return ApiErrors.Problem(StatusCodes.Status401Unauthorized, "operator-key-required",
                "The dashboard needs the operator key.").ExecuteAsync(context);
        }));
        app.MapOrleansDashboard(routePrefix: Path);
    }

    /// <summary>The key from the X-Operator-Key header, or the password of HTTP Basic authentication (any user name).</summary>
    private static string? PresentedKey(HttpRequest request)
    {
        if (request.Headers[Header].ToString() is { Length: > 0 } header) return header;
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization.ToString(), out var authorization)
            || !"Basic".Equals(authorization.Scheme, StringComparison.OrdinalIgnoreCase) || authorization.Parameter is null)
            return null;
        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(authorization.Parameter));
            var colon = pair.IndexOf(':');
            return colon < 0 ? null : pair[(colon + 1)..];
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

/// <summary>The "Operations" configuration section: what only the people running the servers may see.</summary>
public sealed class OperationsSettings
{
    public const string Section = "Operations";

    /// <summary>The secret that opens /dashboard; empty (the default) leaves the dashboard out.</summary>
    public string OperatorKey { get; set; } = "";

    public bool DashboardEnabled => !string.IsNullOrWhiteSpace(OperatorKey);
}
