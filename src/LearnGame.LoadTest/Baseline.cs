using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LearnGame.LoadTest;

/// <summary>
/// The physical limit to read our figures against: a minimal Kestrel WebSocket broadcaster on loopback sending a
/// question-sized message to as many raw WebSocket clients as the run has learners. No SignalR, no Orleans, no storage:
/// what is left is the machine's cost of fan-out. The broadcaster is a second process (this program with
/// <c>--baseline-server</c>), as a LearnGame server is: one process may not hold 10,000 sockets at both ends.
/// </summary>
public static class Baseline
{
    public const int Broadcasts = 20;
    private const int MessageBytes = 512; // about the size of a question event
    private static readonly TimeSpan BroadcastPause = TimeSpan.FromMilliseconds(250);

    /// <summary>The command-line switch that runs the broadcaster side; not for users.</summary>
    public const string ServerSwitch = "--baseline-server";

    public static async Task<BaselineResult> RunAsync(LoadOptions options, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
        var cancel = timeout.Token;
        using var server = StartServer(options);
        try
        {
            var port = await ReadPortAsync(server, cancel);
            await using var sampler = new ProcessSampler(server.Id);
            var url = new Uri($"ws://127.0.0.1:{port}/ws");
            var latency = new Measurements.LatencyRecorder("raw WebSocket fan-out (send → receipt)");
            long received = 0;
            var clients = new List<ClientWebSocket>();
            using var gate = new SemaphoreSlim(100); // connect in waves, as the learners' ramp-up would
            await Task.WhenAll(Enumerable.Range(0, options.TotalLearners).Select(async _ =>
            {
                await gate.WaitAsync(cancel);
                try
                {
                    var client = new ClientWebSocket();
                    await client.ConnectAsync(url, cancel);
                    lock (clients) clients.Add(client);
                }
                finally { gate.Release(); }
            }));
            // The broadcaster starts once every client is connected; each message carries its send time (one clock: the machine's monotonic one).
            var started = Stopwatch.GetTimestamp();
            var readers = clients.Select(c => Task.Run(async () =>
            {
                var buffer = new byte[MessageBytes];
                try
                {
                    for (var i = 0; i < Broadcasts; i++)
                    {
                        var read = 0;
                        while (read < MessageBytes)
                        {
                            var r = await c.ReceiveAsync(buffer.AsMemory(read), cancel);
                            if (r.MessageType == WebSocketMessageType.Close) return;
                            read += r.Count;
                        }
                        latency.Record(Stopwatch.GetElapsedTime(BinaryPrimitives.ReadInt64LittleEndian(buffer)));
                        Interlocked.Increment(ref received);
                    }
                }
                catch (Exception e) when (e is WebSocketException or OperationCanceledException) { }
            })).ToList();
            await Task.WhenAll(readers).WaitAsync(TimeSpan.FromSeconds(30) + Broadcasts * BroadcastPause, cancel);
            var elapsed = Stopwatch.GetElapsedTime(started);
            foreach (var c in clients) c.Abort();
            foreach (var c in clients) c.Dispose();
            return new BaselineResult(clients.Count, Broadcasts, Interlocked.Read(ref received), Math.Round(elapsed.TotalSeconds, 2), latency.Summary(),
                Math.Round(sampler.PeakRssBytes / 1048576.0, 1), Math.Round(sampler.MeanCpuPercent, 1));
        }
        finally
        {
            if (!server.HasExited) server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync(CancellationToken.None);
        }
    }

    /// <summary>This program again, as the broadcaster, expecting as many clients as the run has learners.</summary>
    private static Process StartServer(LoadOptions options)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        ToolRuntime.LeaveServerDefaults(start);
        foreach (var arg in new[] { "exec", typeof(Baseline).Assembly.Location, ServerSwitch,
                     options.TotalLearners.ToString(CultureInfo.InvariantCulture), options.TimeoutSeconds.ToString(CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(arg);
        return Process.Start(start) ?? throw new InvalidOperationException("Could not start the baseline broadcaster.");
    }

    private static async Task<int> ReadPortAsync(Process server, CancellationToken cancel)
    {
        while (await server.StandardOutput.ReadLineAsync(cancel) is { } line)
            if (line.StartsWith("port ", StringComparison.Ordinal)) return int.Parse(line[5..], CultureInfo.InvariantCulture);
        throw new InvalidOperationException($"The baseline broadcaster exited ({server.ExitCode}) before listening.");
    }

    /// <summary>
    /// The broadcaster process: listens on a loopback port (printed as "port N"), waits for <paramref name="expected"/>
    /// clients, sends <see cref="Broadcasts"/> messages to all of them, serialised once each, then waits for them to
    /// leave. It stops by itself after <paramref name="timeoutSeconds"/> whatever happens.
    /// </summary>
    public static async Task<int> ServeAsync(int expected, double timeoutSeconds)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        var cancel = timeout.Token;
        var sockets = new ConcurrentDictionary<WebSocket, byte>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        await using var app = builder.Build();
        app.UseWebSockets();
        app.Map("/ws", async (HttpContext context) =>
        {
            if (!context.WebSockets.IsWebSocketRequest) return Results.BadRequest();
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            sockets[socket] = 0;
            var buffer = new byte[64];
            try
            {
                while (socket.State == WebSocketState.Open && !(await socket.ReceiveAsync(buffer, context.RequestAborted)).CloseStatus.HasValue) { }
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException) { }
            sockets.TryRemove(socket, out _);
            return Results.Empty;
        });
        await app.StartAsync(cancel);
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        Console.WriteLine($"port {address.Port}");
        try
        {
            while (sockets.Count < expected) await Task.Delay(10, cancel);
            var message = new byte[MessageBytes];
            for (var i = 0; i < Broadcasts; i++)
            {
                BinaryPrimitives.WriteInt64LittleEndian(message, Stopwatch.GetTimestamp());
                var payload = message.ToArray(); // serialised once, sent to everyone, as a broadcast should be
                await Task.WhenAll(sockets.Keys.Select(s => s.SendAsync(new ReadOnlyMemory<byte>(payload), WebSocketMessageType.Binary, true, cancel).AsTask()));
                await Task.Delay(BroadcastPause, cancel);
            }
            while (!sockets.IsEmpty) await Task.Delay(50, cancel);
            return 0;
        }
        catch (OperationCanceledException)
        {
            return 1;
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
        }
    }
}

/// <summary>The raw broadcast figures: connections, messages received and their latency, and the broadcaster's memory and CPU.</summary>
public sealed record BaselineResult(int Connections, int Broadcasts, long MessagesReceived, double DurationSeconds, LatencySummary FanOut,
    double ServerPeakRssMiB, double ServerCpuMeanPercent);
