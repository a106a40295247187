using LearnGame.Grains.Abstractions.Sessions;

namespace LearnGame.Grains.Sessions;

/// <summary>
/// The silos' relays a session sends its events to. Kept in the session's state (as grain ids), so that a session
/// re-activated on another silo after a crash keeps announcing to every silo at once, without waiting for renewals.
/// A relay that has not renewed within <see cref="Expiry"/> is dropped (its silo is gone).
/// </summary>
public sealed class RelayRegistry(IGrainFactory grains, Dictionary<string, DateTimeOffset> stored) : ISessionEventSink
{
    public static readonly TimeSpan Expiry = TimeSpan.FromMinutes(3);
    private readonly Dictionary<string, RelayOutbox> _outboxes = [];

    /// <summary>Adds or renews a relay; true when it is new (the state must then be saved).</summary>
    public bool Subscribe(ISessionObserver relay, DateTimeOffset now)
    {
        var id = relay.GetGrainId().ToString();
        var isNew = !stored.ContainsKey(id);
        stored[id] = now;
        if (!_outboxes.ContainsKey(id)) _outboxes[id] = new RelayOutbox(relay);
        return isNew;
    }

    public bool Unsubscribe(ISessionObserver relay)
    {
        var id = relay.GetGrainId().ToString();
        _outboxes.Remove(id);
        return stored.Remove(id);
    }

    /// <summary>Sends the events to every live relay, each in order (see <see cref="RelayOutbox"/>); expired ones are forgotten on the way.</summary>
    public void Send(Guid sessionId, IReadOnlyList<SessionEvent> events, DateTimeOffset now)
    {
        foreach (var (id, seen) in stored.ToList())
        {
            if (now - seen > Expiry)
            {
                stored.Remove(id);
                _outboxes.Remove(id);
                continue;
            }
            if (!_outboxes.TryGetValue(id, out var outbox))
                _outboxes[id] = outbox = new RelayOutbox(grains.GetGrain<ISessionObserver>(GrainId.Parse(id)));
            outbox.Send(sessionId, events);
        }
    }
}
