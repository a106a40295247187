using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LearnGame.Testing;

/// <summary>The real server, in process, on a loopback socket, with its own data folder and Orleans ports.</summary>
public sealed class ServerHost : ServerEndpoint, IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;

    /// <param name="configure">Anything more a test needs of the host (its sockets, say), applied last.</param>
    public ServerHost(string dataDirectory, string clusterId, IDictionary<string, string>? settings = null, Action<IWebHostBuilder>? configure = null)
        : base(new Uri("http://127.0.0.1/"))
    {
        DataDirectory = dataDirectory;
        var (siloPort, gatewayPort) = (FreePort(), FreePort());
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            foreach (var (key, value) in TestStorage.Settings(dataDirectory, ServiceIdFor(dataDirectory))) web.UseSetting(key, value);
            web.UseSetting("Orleans:ClusterId", clusterId);
            web.UseSetting("Orleans:SiloPort", siloPort.ToString());
            web.UseSetting("Orleans:GatewayPort", gatewayPort.ToString());
            // Verbose where secrets could leak (our code, SignalR), quiet on the console.
            web.UseSetting("Logging:LogLevel:Default", "Warning");
            web.UseSetting("Logging:LogLevel:LearnGame", "Debug");
            web.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.SignalR", "Debug");
            web.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.Http.Connections", "Debug");
            web.UseSetting("Logging:Console:LogLevel:Default", "Warning");
            foreach (var (key, value) in settings ?? new Dictionary<string, string>()) web.UseSetting(key, value);
            web.ConfigureLogging(logging => logging.AddProvider(Logs));
            configure?.Invoke(web);
        });
        _factory.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = new Uri(addresses.First());
    }

    public string DataDirectory { get; }

    /// <summary>Every log line the server wrote, to check that secrets never appear in logs.</summary>
    public CapturedLogs Logs { get; } = new();
    public IServiceProvider Services => _factory.Services;

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    /// <summary>A fresh data folder, kept for the whole test run (a test may restart a server on it), removed when the run's process exits.</summary>
    public static string NewDataDirectory()
    {
        var path = Path.Combine(RunDirectory.Value, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    private static readonly Lazy<string> RunDirectory = new(() =>
    {
        var run = Path.Combine(Path.GetTempPath(), "learngame-tests", $"run-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(run);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(run, recursive: true); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { } // left to the system's temp cleanup: a run must not fail on it
        };
        return run;
    });

    /// <summary>One service id per data folder: a restart on the same folder finds the same rows, in SQLite or PostgreSQL.</summary>
    public static string ServiceIdFor(string dataDirectory) => $"test-{Path.GetFileName(dataDirectory)}";

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
