using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using LearnGame.Domain.Sessions;
using LearnGame.Grains.Abstractions.Sessions;
using LearnGame.SimulatedLearners;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.SignalR.Client;

namespace LearnGame.Server.Rehearsal;

/// <summary>
/// Bot learners a trainer adds to rehearse alone: each one a real SignalR connection to this server over loopback,
/// like a learner's phone, that joins, answers every question after a thinking time and leaves when the game ends or
/// the trainer removes it. The host token is checked by the session before any bot is started. They are the load
/// tool's simulated learners (LearnGame.SimulatedLearners): the same connections, thinking times and answers, except
/// that a bot does not know the right answer.
/// </summary>
public sealed partial class RehearsalBots(IServer server, IGrainFactory grains, ILogger<RehearsalBots> log) : IAsyncDisposable
{
    public const int MaxPerCall = 50;
    public const int MaxPerSession = 200;

    /// <summary>A bot gives up after this long, whatever happens, so that none is left behind.</summary>
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(4);

    /// <summary>A bot's median thinking time: a few seconds, as in a class.</summary>
    public const double ThinkMedianMs = 4000;

    private readonly ConcurrentDictionary<Guid, ConcurrentBag<HubConnection>> _bots = new();
    private readonly Lock _lock = new();
    private HubClients? _hubs; // made at the first bot: the server's address is known only once it listens

    public static readonly GameError Forbidden = new("forbidden", "Only the session's trainer can add bots.");
    public static readonly GameError CountInvalid = new("bots-count-invalid", $"Ask for 1 to {MaxPerCall} bots at a time.");
    public static readonly GameError TooMany = new("bots-limit", $"A session has at most {MaxPerSession} bots.");

    public int Count(Guid sessionId) => _bots.TryGetValue(sessionId, out var bag) ? bag.Count : 0;

    /// <summary>Adds <paramref name="count"/> bots; returns how many joined, or why none could.</summary>
    public async Task<(int Added, GameError? Error)> Add(Guid sessionId, string? hostToken, int count, CancellationToken cancel)
    {
        if (string.IsNullOrEmpty(hostToken) || await grains.GetGrain<ISessionGrain>(sessionId).Host(hostToken) is not { Ok: true, Snapshot: { } snapshot })
            return (0, Forbidden);
        if (count is < 1 or > MaxPerCall) return (0, CountInvalid);
        if (Count(sessionId) + count > MaxPerSession) return (0, TooMany);
        var bag = _bots.GetOrAdd(sessionId, _ => []);
        var added = 0;
        var number = Count(sessionId);
        for (var i = 0; i < count; i++)
        {
            var connection = await Connect(sessionId, cancel);
            // Bots are numbered; a name a learner already took is skipped.
            JsonElement joined = default;
            for (var attempt = 0; attempt < 20; attempt++)
            {
                joined = await connection.InvokeAsync<JsonElement>("Join", snapshot.JoinCode, $"Robot {++number}", cancel);
                if (joined.GetProperty("ok").GetBoolean() || joined.GetProperty("error").GetString() != GameError.NicknameTaken.Code) break;
            }
            if (!joined.GetProperty("ok").GetBoolean())
            {
                await connection.DisposeAsync();
                if (added == 0) return (0, new GameError(joined.GetProperty("error").GetString() ?? "unavailable", joined.GetProperty("message").GetString() ?? ""));
                break;
            }
            bag.Add(connection);
            added++;
        }
        LogAdded(log, sessionId, added);
        return (added, null);
    }

    private async Task<HubConnection> Connect(Guid sessionId, CancellationToken cancel)
    {
        var random = new Random();
        var connection = Hubs().Create();
        var done = new CancellationTokenSource(Lifetime);
        connection.On<JsonElement>(SessionEvents.Question, question => _ = AnswerLater(connection, question, random, done.Token));
        connection.On<JsonElement>(SessionEvents.Ended, _ => Leave(sessionId, connection, done));
        connection.On<JsonElement>(SessionEvents.Kicked, _ => Leave(sessionId, connection, done));
        done.Token.Register(() => _ = connection.DisposeAsync());
        await connection.StartAsync(cancel);
        return connection;
    }

    /// <summary>Answers after a thinking time around <see cref="ThinkMedianMs"/>, within the question's time.</summary>
    private static async Task AnswerLater(HubConnection connection, JsonElement payload, Random random, CancellationToken cancel)
    {
        try
        {
            var question = payload.GetProperty("question");
            var think = ThinkingTime.Draw(random, ThinkMedianMs, payload.GetProperty("remainingMs").GetInt64());
            await Task.Delay(think, cancel);
            var answer = SimulatedAnswers.Any(question, random);
            await connection.InvokeAsync<JsonElement>("Answer", question.GetProperty("index").GetInt32(), Guid.NewGuid().ToString("N"), answer, cancel);
        }
        catch (Exception e) when (e is OperationCanceledException or InvalidOperationException or Microsoft.AspNetCore.SignalR.HubException)
        {
            // The game ended or the connection closed while the bot was thinking.
        }
    }

    private Task Leave(Guid sessionId, HubConnection connection, CancellationTokenSource done)
    {
        done.Cancel();
        if (_bots.TryGetValue(sessionId, out var bag) && bag.All(c => c.State == HubConnectionState.Disconnected || c == connection))
            _bots.TryRemove(sessionId, out _);
        return Task.CompletedTask;
    }

    private HubClients Hubs()
    {
        lock (_lock) return _hubs ??= new HubClients(OwnAddress());
    }

    /// <summary>This server's own HTTP address, on loopback when it listens on every interface.</summary>
    private Uri OwnAddress()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses
            .Select(a => a.Replace("://+", "://127.0.0.1").Replace("://*", "://127.0.0.1").Replace("://0.0.0.0", "://127.0.0.1").Replace("://[::]", "://127.0.0.1"))
            .OrderBy(a => a.StartsWith("http://", StringComparison.Ordinal) ? 0 : 1)
            .FirstOrDefault()
            ?? throw new InvalidOperationException("The server has no address to connect bots to.");
        return new Uri(address);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _bots.Values.SelectMany(b => b)) await connection.DisposeAsync();
        _bots.Clear();
        lock (_lock) _hubs?.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId}: {Count} rehearsal bots joined")]
    private static partial void LogAdded(ILogger log, Guid sessionId, int count);
}
