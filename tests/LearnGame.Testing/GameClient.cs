using System.Net.Http.Json;
using System.Text.Json;
using LearnGame.Domain.Questions;
using LearnGame.Grains.Abstractions.Sessions;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace LearnGame.Testing;

/// <summary>A real SignalR client (learner, trainer or projector) that records every server event it receives.</summary>
public sealed class GameClient : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private static readonly string[] EventNames =
    [
        SessionEvents.Lobby, SessionEvents.Question, SessionEvents.AnswerCount, SessionEvents.Paused, SessionEvents.Resumed,
        SessionEvents.Reveal, SessionEvents.Result, SessionEvents.Leaderboard, SessionEvents.Standing, SessionEvents.Podium,
        SessionEvents.Ended, SessionEvents.Kicked, SessionEvents.Discussion, SessionEvents.TeamVotes, SessionEvents.Storage, SessionEvents.YourDeadline,
        SessionEvents.Challenge,
    ];

    private readonly Arrivals<ReceivedEvent> _events = new();

    private GameClient(HubConnection connection)
    {
        Connection = connection;
        foreach (var name in EventNames)
            connection.On<JsonElement>(name, payload => _events.Add(new ReceivedEvent(name, payload)));
    }

    public HubConnection Connection { get; }
    public Guid SessionId { get; set; }
    public string? SeatToken { get; set; }
    public int SeatId { get; set; }
    public string Nickname { get; set; } = "";

    public static async Task<GameClient> Connect(ServerEndpoint server)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(server.HubUrl, o => o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets)
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()))
            .Build();
        var client = new GameClient(connection);
        await connection.StartAsync();
        return client;
    }

    public IReadOnlyList<ReceivedEvent> Events => _events.Snapshot();

    public IEnumerable<ReceivedEvent> Named(string name) => Events.Where(e => e.Name == name);

    /// <summary>The first event (already received or still to come) that matches; fails the test after <see cref="Patience"/>.</summary>
    public Task<ReceivedEvent> WaitFor(string name, Func<JsonElement, bool>? match = null)
    {
        return _events.First(e => e.Name == name && (match is null || match(e.Payload))).WaitAsync(Patience).ContinueWith(t => t.IsFaulted && t.Exception!.InnerException is TimeoutException
            ? throw new TimeoutException($"No '{name}' event matching the condition within {Patience.TotalSeconds} s; received: {string.Join(", ", Events.Select(e => e.Name))}")
            : t.Result);
    }

    /// <summary>Waits until <paramref name="count"/> events of that name have arrived.</summary>
    public Task WaitForCount(string name, int count) =>
        // Events are recorded before waiters are checked, so the count includes the event being matched.
        WaitFor(name, _ => Named(name).Count() >= count);

    /// <summary>Waits for the question event of a given index.</summary>
    public Task<ReceivedEvent> WaitForQuestion(int index) =>
        WaitFor(SessionEvents.Question, p => p.GetProperty("question").GetProperty("index").GetInt32() == index);

    public Task<ReceivedEvent> WaitForReveal(int index) =>
        WaitFor(SessionEvents.Reveal, p => p.GetProperty("questionIndex").GetInt32() == index);

    /// <summary>A learner's own result for a question: the <c>result</c> inside its copy of that question's reveal.</summary>
    public async Task<ReceivedEvent> WaitForResult(int index)
    {
        var reveal = await WaitFor(SessionEvents.Reveal, p => p.GetProperty("questionIndex").GetInt32() == index && p.TryGetProperty(SessionEvents.Result, out _));
        return new ReceivedEvent(SessionEvents.Result, reveal.Payload.GetProperty(SessionEvents.Result));
    }

    public Task<JoinResult> Join(string code, string nickname) => Connection.InvokeAsync<JoinResult>("Join", code, nickname);

    public Task<JoinResult> JoinWithProfile(string code, string nickname, string? learnerToken) =>
        Connection.InvokeAsync<JoinResult>("JoinWithProfile", code, nickname, learnerToken);

    public Task<JoinResult> Rejoin(Guid sessionId, string? token) => Connection.InvokeAsync<JoinResult>("Rejoin", sessionId, token);

    public Task<HostResult> Host(Guid sessionId, string? token) => Connection.InvokeAsync<HostResult>("Host", sessionId, token);

    public Task<AnswerAck> Answer(int questionIndex, Answer answer, string? answerId = null) =>
        Connection.InvokeAsync<AnswerAck>("Answer", questionIndex, answerId ?? Guid.NewGuid().ToString("N"), answer);

    public Task<ActionResult> Do(string action, params object[] args) =>
        Connection.InvokeCoreAsync<ActionResult>(action, args);

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}

/// <summary>One server event as the client received it.</summary>
public sealed record ReceivedEvent(string Name, JsonElement Payload);

/// <summary>REST calls a trainer makes.</summary>
public static class TrainerApi
{
    public sealed record Created(Guid SessionId, string JoinCode, string HostToken);

    public static async Task<Created> CreateSession(ServerEndpoint server, object body)
    {
        using var http = server.CreateHttpClient();
        var response = await http.PostAsJsonAsync("/api/sessions", body);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Create session failed: {(int)response.StatusCode} {text}");
        return JsonSerializer.Deserialize<Created>(text, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }
}
