using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LearnGame.SimulatedLearners;

/// <summary>
/// Makes every simulated client's hub connection (learners and trainers) from one set of services: one JSON protocol,
/// one connection factory (WebSockets, no negotiation) and one HTTP handler for all the WebSocket handshakes.
/// <para>
/// <see cref="HubConnectionBuilder"/> builds each connection a dependency-injection container of its own, and each
/// WebSocket gets an HTTP handler with its own connection pool: shared, they halve the tool's heap per client and cost
/// no CPU to build while the last classrooms join and the first answers come. The tool's CPU and collections are part
/// of every latency it measures.
/// </para>
/// </summary>
public sealed class HubClients : IDisposable
{
    private readonly HttpMessageInvoker _handshakes = new(new SocketsHttpHandler(), disposeHandler: true);
    private readonly JsonHubProtocolOptions _protocolOptions = new();
    private readonly JsonHubProtocol _protocol;
    private readonly HttpConnectionFactory _connections;
    private readonly UriEndPoint _hub;

    /// <param name="server">The LearnGame server's base URL; the game hub is its <c>/hubs/game</c>.</param>
    public HubClients(Uri server)
    {
        _hub = new UriEndPoint(new Uri(server, "/hubs/game"));
        _protocol = new JsonHubProtocol(Options.Create(_protocolOptions));
        _connections = new HttpConnectionFactory(Options.Create(new HttpConnectionOptions
        {
            Transports = HttpTransportType.WebSockets,
            SkipNegotiation = true,
            WebSocketFactory = ConnectAsync,
        }), NullLoggerFactory.Instance);
    }

    /// <summary>A new connection to the game hub, not started; a loaded server may be slow to ping, so it waits a minute for one.</summary>
    public HubConnection Create() =>
        new(_connections, _protocol, _hub, NoServices.Instance, NullLoggerFactory.Instance) { ServerTimeout = TimeSpan.FromSeconds(60) };

    /// <summary>
    /// Reads one sample of each payload type now, with the protocol every connection shares, so that the first event of
    /// each type is not held up while its reader is built (System.Text.Json's contract for the type, and the JIT of the
    /// converters it runs). In one process receiving for thousands of clients, that first reading would hold up every
    /// receipt behind it. A sample that does not read as its type throws.
    /// </summary>
    public void Prepare(IEnumerable<(Type Type, string Json)> samples)
    {
        foreach (var (type, json) in samples) JsonSerializer.Deserialize(json, type, _protocolOptions.PayloadSerializerOptions);
    }

    private async ValueTask<WebSocket> ConnectAsync(WebSocketConnectionContext context, CancellationToken cancel)
    {
        var socket = new ClientWebSocket();
        try
        {
            await socket.ConnectAsync(context.Uri, _handshakes, cancel);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public void Dispose() => _handshakes.Dispose();

    /// <summary>
    /// The connection's services: none beyond what its constructor is given, so every option is SignalR's default.
    /// Not a container: a connection disposes its service provider when it is disposed, and this one is shared.
    /// </summary>
    private sealed class NoServices : IServiceProvider
    {
        public static readonly NoServices Instance = new();
        public object? GetService(Type serviceType) => null;
    }
}
