using System.Collections.Concurrent;

namespace LearnGame.Server.Realtime;

/// <summary>This silo's SignalR connections by session and seat, so personal results reach only their owner.</summary>
public sealed class LocalConnections
{
    private readonly ConcurrentDictionary<Guid, SessionConnections> _sessions = new();

    /// <summary>
    /// Every change takes this lock; reads (each send) take none. A session's entry is forgotten once it holds no
    /// connection, and without the lock a learner joining at that moment could add its seat to the entry being forgotten:
    /// its reveal and rankings would then find no connection. A seat's set is replaced whole, never changed, so a reader
    /// sees a set as it was before or after a change.
    /// </summary>
    private readonly Lock _changes = new();

    public void AddSeat(Guid sessionId, int seatId, string connectionId)
    {
        lock (_changes)
        {
            var seats = _sessions.GetOrAdd(sessionId, _ => new()).Seats;
            seats[seatId] = seats.TryGetValue(seatId, out var set) ? set.Add(connectionId) : [connectionId];
        }
    }

    /// <summary>
    /// Forgets one connection of a seat, and the seat once it has none left. A phone that reconnects adds its new
    /// connection while the old one is removed: the lock keeps both changes (the reveal and the rankings reach learners
    /// through this list).
    /// </summary>
    public void RemoveSeat(Guid sessionId, int seatId, string connectionId)
    {
        lock (_changes)
        {
            if (_sessions.TryGetValue(sessionId, out var s) && s.Seats.TryGetValue(seatId, out var set))
            {
                var left = set.Remove(connectionId);
                if (left.IsEmpty) s.Seats.TryRemove(seatId, out _);
                else s.Seats[seatId] = left;
            }
            Prune(sessionId);
        }
    }

    public void AddHost(Guid sessionId, string connectionId)
    {
        lock (_changes) _sessions.GetOrAdd(sessionId, _ => new()).Hosts[connectionId] = 0;
    }

    public void RemoveHost(Guid sessionId, string connectionId)
    {
        lock (_changes)
        {
            if (_sessions.TryGetValue(sessionId, out var s)) s.Hosts.TryRemove(connectionId, out _);
            Prune(sessionId);
        }
    }

    public IReadOnlyCollection<string> SeatConnections(Guid sessionId, int seatId) =>
        _sessions.TryGetValue(sessionId, out var s) && s.Seats.TryGetValue(seatId, out var set) ? set : [];

    /// <summary>Every seat of the session with a connection on this silo, and its connections.</summary>
    public IEnumerable<(int SeatId, IReadOnlyCollection<string> Connections)> Seats(Guid sessionId) =>
        _sessions.TryGetValue(sessionId, out var s) ? s.Seats.Select(p => (p.Key, (IReadOnlyCollection<string>)p.Value)) : [];

    public IReadOnlyList<string> HostConnections(Guid sessionId) =>
        _sessions.TryGetValue(sessionId, out var s) ? s.Hosts.Keys.ToList() : [];

    /// <summary>Sessions that have at least one connection on this silo.</summary>
    public IEnumerable<Guid> Sessions => _sessions.Keys;

    public bool HasSession(Guid sessionId) => _sessions.ContainsKey(sessionId);

    /// <summary>Forgets a session with no connection left on this silo; under the lock.</summary>
    private void Prune(Guid sessionId)
    {
        if (_sessions.TryGetValue(sessionId, out var s) && s.Seats.IsEmpty && s.Hosts.IsEmpty) _sessions.TryRemove(sessionId, out _);
    }

    private sealed class SessionConnections
    {
        public ConcurrentDictionary<int, System.Collections.Immutable.ImmutableHashSet<string>> Seats { get; } = new();
        public ConcurrentDictionary<string, byte> Hosts { get; } = new();
    }
}
