using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Diagnostics;
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
/// The physical limit to read our figures against: a minimal Kestrel WebSocket broadcaster on loopback, in this process,
/// sending a question-sized message to as many raw WebSocket clients as the run has learners. No SignalR, no Orleans,
/// no storage: what is left is the machine's cost of fan-out.
/// </summary>
public static class Baseline
{
    private const int Broadcasts = 20;
    private const int MessageBytes = 512; // about the size of a question event

    public static async Task<BaselineResult> RunAsync(LoadOptions options, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
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
        var url = new Uri($"ws://127.0.0.1:{address.Port}/ws");

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
        while (sockets.Count < clients.Count) await Task.Delay(10, cancel);
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
                        read += r.Count;
                    }
                    latency.Record(Stopwatch.GetElapsedTime(BinaryPrimitives.ReadInt64LittleEndian(buffer)));
                    Interlocked.Increment(ref received);
                }
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException) { }
        })).ToList();

        var started = Stopwatch.GetTimestamp();
        var message = new byte[MessageBytes];
        for (var i = 0; i < Broadcasts; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(message, Stopwatch.GetTimestamp());
            var payload = message.ToArray(); // serialised once, sent to everyone, as a broadcast should be
            await Task.WhenAll(sockets.Keys.Select(s => s.SendAsync(new ReadOnlyMemory<byte>(payload), WebSocketMessageType.Binary, true, cancel).AsTask()));
            await Task.Delay(250, cancel);
        }
        await Task.WhenAll(readers).WaitAsync(TimeSpan.FromSeconds(30), cancel);
        var elapsed = Stopwatch.GetElapsedTime(started);
        foreach (var c in clients) c.Abort();
        foreach (var c in clients) c.Dispose();
        await app.StopAsync(CancellationToken.None);
        return new BaselineResult(clients.Count, Broadcasts, Interlocked.Read(ref received), Math.Round(elapsed.TotalSeconds, 2), latency.Summary());
    }
}

/// <summary>The raw broadcast figures: connections, messages received and their latency.</summary>
public sealed record BaselineResult(int Connections, int Broadcasts, long MessagesReceived, double DurationSeconds, LatencySummary FanOut);
