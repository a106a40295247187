using LearnGame.Grains.Abstractions.Diagnostics;
using LearnGame.Grains.Abstractions.Sessions;
using Microsoft.AspNetCore.SignalR;

namespace LearnGame.Server.Realtime;

/// <summary>
/// This silo's relay: session grains send each event batch here once, and the relay delivers it to the
/// local SignalR group (one serialisation per protocol for the whole group) and personal payloads to their seats.
/// Each session's batches are handed to SignalR one at a time, in the order they arrive; sessions do not wait for each
/// other, and no event waits for a connection that has not taken the one before (see <see cref="SendsWaiting"/>).
/// </summary>
public sealed partial class SessionRelay : ISessionObserver, IHostedService
{
    private readonly IHubContext<GameHub> _hub;
    private readonly LocalConnections _connections;
    private readonly IGrainFactory _grains;
    private readonly ILogger<SessionRelay> _log;
    private ISessionObserver? _reference;

    public SessionRelay(IHubContext<GameHub> hub, LocalConnections connections, IGrainFactory grains, ILogger<SessionRelay> log)
    {
        _hub = hub;
        _connections = connections;
        _grains = grains;
        _log = log;
    }

    /// <summary>How long a subscription lasts at the grain; the relay renews it well before.</summary>
    public static readonly TimeSpan RenewEvery = TimeSpan.FromMinutes(1);

    /// <summary>
    /// This relay as the sessions know it: exactly one reference per silo. Created on first use, under a lock: two
    /// references made by two hub calls at once would be two relays to a session, and every event would arrive twice.
    /// </summary>
    public ISessionObserver Reference
    {
        get
        {
            lock (_referenceLock) return _reference ??= _grains.CreateObjectReference<ISessionObserver>(this);
        }
    }

    private readonly Lock _referenceLock = new();

    public Task OnEvents(SessionEventBatch batch)
    {
        GameMetrics.RelayReceived(batch.Events.Select(e => e.Name));
        lock (_lanes)
        {
            if (_stopped) return Task.CompletedTask;
            if (_lanes.TryGetValue(batch.SessionId, out var lane))
            {
                lane.Waiting.Enqueue(batch);
                return Task.CompletedTask;
            }
            lane = new Lane();
            _lanes.Add(batch.SessionId, lane);
            lane.Delivering = Task.Factory.StartNew(() => DeliverInTurnAsync(batch, lane), CancellationToken.None, TaskCreationOptions.DenyChildAttach, _oneAtATime).Unwrap();
        }
        return Task.CompletedTask;
    }

    /// <summary>Makes sure the session sends its events to this silo.</summary>
    public Task SubscribeTo(Guid sessionId) => _grains.GetGrain<ISessionGrain>(sessionId).Subscribe(Reference);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = RenewAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Takes no more batches and waits for those already here to be handed to SignalR; what a slow connection has not
    /// taken by then goes with its connection when the server closes.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping.Cancel();
        Task[] delivering;
        lock (_lanes)
        {
            _stopped = true;
            delivering = _lanes.Values.Select(l => l.Delivering).ToArray();
        }
        await Task.WhenAll(delivering).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private readonly CancellationTokenSource _stopping = new();

    /// <summary>
    /// Each session with batches to deliver has a lane, removed once it is empty. One lane per session keeps that
    /// session's order; a lane of their own keeps the other sessions moving while one waits (a kicked learner's removal
    /// from its group, a hub context that sends elsewhere). Sends themselves no longer hold a lane up
    /// (<see cref="SendsWaiting"/>): with one queue for the silo and every send awaited, one trainer's slow Wi-Fi or one
    /// phone that stopped reading would hold up every classroom of the silo.
    /// </summary>
    private readonly Dictionary<Guid, Lane> _lanes = [];
    private volatile bool _stopped;

    /// <summary>
    /// The lanes take turns on one thread at a time, as the single queue did: a lane that waits gives its turn up, but
    /// the relay's work does not spread over every core, where hundreds of lanes running free would take the cores
    /// from the durable writes that acknowledgements wait for.
    /// </summary>
    private readonly TaskScheduler _oneAtATime = new ConcurrentExclusiveSchedulerPair(TaskScheduler.Default, 1).ConcurrentScheduler;

    private sealed class Lane
    {
        public Queue<SessionEventBatch> Waiting { get; } = new();
        public Task Delivering { get; set; } = Task.CompletedTask;
    }

    private async Task DeliverInTurnAsync(SessionEventBatch batch, Lane lane)
    {
        while (true)
        {
            foreach (var e in batch.Events)
            {
                try
                {
                    await DeliverAsync(batch.SessionId, e);
                }
                catch (Exception ex)
                {
                    LogDeliveryFailed(_log, ex, e.Name, batch.SessionId);
                }
            }
            lock (_lanes)
            {
                if (!lane.Waiting.TryDequeue(out var next))
                {
                    _lanes.Remove(batch.SessionId);
                    return;
                }
                batch = next;
            }
        }
    }

    private async Task DeliverAsync(Guid sessionId, SessionEvent e)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        if (e is { Name: SessionEvents.Lobby, Audience: EventAudience.Hosts, Payload: not null })
        {
            SendLobbyToHosts(sessionId, e);
            GameMetrics.FanOutDone(started);
            return;
        }
        if (e is { InsideAs: { } inside, Payload: { } withOwn })
        {
            DeliverWithOwn(sessionId, e, withOwn, inside);
            GameMetrics.FanOutDone(started);
            return;
        }
        if (e.Payload is { } payload)
        {
            var shared = new RawJson(payload);
            var target = e.Audience switch
            {
                EventAudience.Everyone => _hub.Clients.Group(GameHub.SessionGroup(sessionId)),
                EventAudience.Hosts => _hub.Clients.Group(GameHub.HostGroup(sessionId)),
                EventAudience.Learners => _hub.Clients.GroupExcept(GameHub.SessionGroup(sessionId), _connections.HostConnections(sessionId)),
                _ => null,
            };
            if (target is not null) Handed(target.SendAsync(e.Name, shared), e.Name, sessionId);
            GameMetrics.FanOutDone(started);
        }
        if (e.Personal is null || e.PersonalName is null) return;
        foreach (var (seatId, personal) in e.Personal)
        {
            var connections = _connections.SeatConnections(sessionId, seatId);
            if (connections.Count == 0) continue;
            var message = new RawJson(personal);
            // One connection at a time: Clients(list) looks through every connection of the silo for each call.
            foreach (var connectionId in connections) Handed(_hub.Clients.Client(connectionId).SendAsync(e.PersonalName, message), e.PersonalName, sessionId);
            if (e.Name == SessionEvents.Kicked)
                foreach (var connectionId in connections)
                {
                    await _hub.Groups.RemoveFromGroupAsync(connectionId, GameHub.SessionGroup(sessionId));
                    _connections.RemoveSeat(sessionId, seatId, connectionId);
                }
        }
    }

    /// <summary>
    /// An event whose copy for each seat carries that seat's own part (the reveal and its result): trainers and
    /// projectors get the event as it is, each learner connection of this silo one message, with its own part when it
    /// has one. One message per learner instead of the event for the group and then one per learner, whose sends would
    /// compete with the reveal's own for the same cores.
    /// </summary>
    private void DeliverWithOwn(Guid sessionId, SessionEvent e, byte[] payload, string inside)
    {
        var shared = new RawJson(payload);
        if (e.Audience == EventAudience.Everyone)
            Handed(_hub.Clients.Group(GameHub.HostGroup(sessionId)).SendAsync(e.Name, shared), e.Name, sessionId);
        if (e.Audience is not (EventAudience.Everyone or EventAudience.Learners)) return;
        var property = System.Text.Json.JsonEncodedText.Encode(inside);
        foreach (var (seatId, connections) in _connections.Seats(sessionId))
        {
            var message = e.Personal?.TryGetValue(seatId, out var own) == true ? new RawJson(RawJson.WithProperty(payload, property, own)) : shared;
            foreach (var connectionId in connections) Handed(_hub.Clients.Client(connectionId).SendAsync(e.Name, message), e.Name, sessionId);
        }
    }

    /// <summary>
    /// The trainers' lobby list, with every name (the largest message, up to 4 a second while learners join), goes to
    /// each trainer and projector connection on its own: while one list is still on its way to a connection, only the
    /// newest waits behind it, and a newer one replaces it. Each list is whole, so the newest is all a screen needs;
    /// sent one after the other to a trainer on weak Wi-Fi, the lists came faster than its link took them, and SignalR
    /// closed its connection at each send timeout. One connection at a time, so that a slow projector does not set the
    /// pace of the trainer's own screen. By connection id: the list on its way, and the newest waiting behind it (null
    /// when none); under its own lock.
    /// </summary>
    private readonly Dictionary<string, LobbyOnItsWay> _lobbies = [];

    private sealed class LobbyOnItsWay(Guid sessionId)
    {
        public Guid SessionId { get; } = sessionId;
        public SessionEvent? Newest { get; set; }
    }

    /// <summary>Connections with a lobby list still on its way to them (tests, diagnostics).</summary>
    public int LobbiesOnTheirWay
    {
        get
        {
            lock (_lobbies) return _lobbies.Count;
        }
    }

    private void SendLobbyToHosts(Guid sessionId, SessionEvent lobby)
    {
        foreach (var connectionId in _connections.HostConnections(sessionId))
        {
            lock (_lobbies)
            {
                if (_lobbies.TryGetValue(connectionId, out var onItsWay))
                {
                    onItsWay.Newest = lobby;
                    continue;
                }
                _lobbies[connectionId] = new LobbyOnItsWay(sessionId);
            }
            StartLobby(connectionId, sessionId, lobby);
        }
    }

    private void StartLobby(string connectionId, Guid sessionId, SessionEvent lobby)
    {
        Task sending;
        try
        {
            sending = _hub.Clients.Client(connectionId).SendAsync(lobby.Name, new RawJson(lobby.Payload!));
        }
        catch (Exception ex)
        {
            sending = Task.FromException(ex);
        }
        Handed(sending, lobby.Name, sessionId);
        if (sending.IsCompleted) LobbyArrived(connectionId);
        else _ = sending.ContinueWith(_ => LobbyArrived(connectionId), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>The list on its way has been taken (or failed, or the connection closed): the newest one waiting goes now.</summary>
    private void LobbyArrived(string connectionId)
    {
        LobbyOnItsWay? onItsWay;
        SessionEvent? next;
        lock (_lobbies)
        {
            if (!_lobbies.TryGetValue(connectionId, out onItsWay)) return;
            next = _stopped ? null : onItsWay.Newest;
            if (next is null)
            {
                _lobbies.Remove(connectionId);
                return;
            }
            onItsWay.Newest = null;
        }
        StartLobby(connectionId, onItsWay.SessionId, next);
    }

    /// <summary>
    /// Sends handed to SignalR that some connection has not taken yet. A send is done once every connection of its
    /// audience has taken the message, which a phone that stopped reading or a trainer on weak Wi-Fi delays for seconds;
    /// the relay does not wait for that, or the whole classroom would get its next question late. The messages still
    /// reach that connection in order: SignalR writes to a connection one message at a time, in the order they were
    /// handed over, and SignalR closes a connection that has not taken a message within its send timeout
    /// (<see cref="RealtimeSettings"/>, 10 s by default); the browser then reconnects and takes its seat back.
    /// </summary>
    public long SendsWaiting => Interlocked.Read(ref _sendsWaiting);

    private long _sendsWaiting;

    /// <summary>A send every connection has taken is done here; one that waits for some connection is finished in the background.</summary>
    private void Handed(Task sending, string name, Guid sessionId)
    {
        if (!sending.IsCompleted) _ = FinishAsync(sending, name, sessionId);
        else if (sending.Exception is { } failed) LogDeliveryFailed(_log, failed.InnerException ?? failed, name, sessionId);
    }

    private async Task FinishAsync(Task sending, string name, Guid sessionId)
    {
        Interlocked.Increment(ref _sendsWaiting);
        GameMetrics.SendWaiting(1);
        try
        {
            await sending.ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogDeliveryFailed(_log, ex, name, sessionId);
        }
        finally
        {
            Interlocked.Decrement(ref _sendsWaiting);
            GameMetrics.SendWaiting(-1);
        }
    }

    /// <summary>Subscriptions expire at the grain; renew those of the sessions that still have local connections.</summary>
    private async Task RenewAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(RenewEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
                foreach (var sessionId in _connections.Sessions)
                {
                    try { await SubscribeTo(sessionId); }
                    catch (Exception ex) { LogRenewFailed(_log, ex, sessionId); }
                }
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not deliver event {Event} of session {SessionId}")]
    private static partial void LogDeliveryFailed(ILogger log, Exception e, string @event, Guid sessionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew the relay subscription of session {SessionId}")]
    private static partial void LogRenewFailed(ILogger log, Exception e, Guid sessionId);
}
