using LearnGame.Grains.Abstractions.Sessions;

namespace LearnGame.Grains.Sessions;

/// <summary>
/// The silos' relays a session sends its events to. Kept in the session's state (as grain ids), so that a session
/// re-activated on another silo after a crash keeps announcing to every silo at once, without waiting for renewals.
/// A relay that has not renewed within <see cref="Expiry"/> is dropped (its silo is gone).
/// </summary>
public sealed class RelayRegistry(IGrainFactory grains, Dictionary<string, DateTimeOffset> stored)
{
    public static readonly TimeSpan Expiry = TimeSpan.FromMinutes(3);
    private readonly Dictionary<string, ISessionObserver> _references = [];

    /// <summary>Adds or renews a relay; true when it is new (the state must then be saved).</summary>
    public bool Subscribe(ISessionObserver relay, DateTimeOffset now)
    {
        var id = relay.GetGrainId().ToString();
        var isNew = !stored.ContainsKey(id);
        stored[id] = now;
        _references[id] = relay;
        return isNew;
    }

    public bool Unsubscribe(ISessionObserver relay)
    {
        var id = relay.GetGrainId().ToString();
        _references.Remove(id);
        return stored.Remove(id);
    }

    /// <summary>Every live relay; expired ones are forgotten on the way.</summary>
    public IEnumerable<ISessionObserver> Live(DateTimeOffset now)
    {
        foreach (var (id, seen) in stored.ToList())
        {
            if (now - seen > Expiry)
            {
                stored.Remove(id);
                _references.Remove(id);
                continue;
            }
            if (!_references.TryGetValue(id, out var relay))
                _references[id] = relay = grains.GetGrain<ISessionObserver>(GrainId.Parse(id));
            yield return relay;
        }
    }
}
