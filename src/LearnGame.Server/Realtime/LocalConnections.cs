using System.Collections.Concurrent;

namespace LearnGame.Server.Realtime;

/// <summary>This silo's SignalR connections by session and seat, so personal results reach only their owner.</summary>
public sealed class LocalConnections
{
    private readonly ConcurrentDictionary<Guid, SessionConnections> _sessions = new();

    public void AddSeat(Guid sessionId, int seatId, string connectionId) =>
        _sessions.GetOrAdd(sessionId, _ => new()).Seats.AddOrUpdate(seatId, _ => [connectionId], (_, set) => set.Add(connectionId));

    /// <summary>
    /// Forgets one connection of a seat. A phone that reconnects adds its new connection while the old one is removed:
    /// each change replaces the set it read, or reads again, so neither is lost (the reveal and the rankings reach
    /// learners through this list).
    /// </summary>
    public void RemoveSeat(Guid sessionId, int seatId, string connectionId)
    {
        if (_sessions.TryGetValue(sessionId, out var s))
            while (s.Seats.TryGetValue(seatId, out var set))
            {
                var left = set.Remove(connectionId);
                if (ReferenceEquals(left, set)) break;
                if (left.IsEmpty ? s.Seats.TryRemove(new KeyValuePair<int, System.Collections.Immutable.ImmutableHashSet<string>>(seatId, set)) : s.Seats.TryUpdate(seatId, left, set))
                    break;
            }
        Prune(sessionId);
    }

    public void AddHost(Guid sessionId, string connectionId) => _sessions.GetOrAdd(sessionId, _ => new()).Hosts[connectionId] = 0;

    public void RemoveHost(Guid sessionId, string connectionId)
    {
        if (_sessions.TryGetValue(sessionId, out var s)) s.Hosts.TryRemove(connectionId, out _);
        Prune(sessionId);
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

    private void Prune(Guid sessionId)
    {
        if (_sessions.TryGetValue(sessionId, out var s) && s.Seats.IsEmpty && s.Hosts.IsEmpty)
            _sessions.TryRemove(new KeyValuePair<Guid, SessionConnections>(sessionId, s));
    }

    private sealed class SessionConnections
    {
        public ConcurrentDictionary<int, System.Collections.Immutable.ImmutableHashSet<string>> Seats { get; } = new();
        public ConcurrentDictionary<string, byte> Hosts { get; } = new();
    }
}
