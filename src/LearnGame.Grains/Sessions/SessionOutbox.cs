using System.Text.Json;
using LearnGame.Domain.Quizzes;
using LearnGame.Domain.Sessions;
using LearnGame.Domain.Sessions.Views;
using LearnGame.Grains.Abstractions.Sessions;
using Microsoft.Extensions.Logging;

namespace LearnGame.Grains.Sessions;

/// <summary>Where a session's events go once they may leave: every silo's relay, each in order.</summary>
public interface ISessionEventSink
{
    /// <summary>Sends the events, in order, to every relay that is still alive at <paramref name="now"/>.</summary>
    void Send(Guid sessionId, IReadOnlyList<SessionEvent> events, DateTimeOffset now);
}

/// <summary>What <see cref="SessionOutbox"/> needs of its session grain.</summary>
/// <param name="State">The session's persisted state: the game, and the number of the last event queued.</param>
/// <param name="DurableSequence">The last event whose change is stored: the outbox sends nothing after it.</param>
/// <param name="Connected">Whether a seat has a live connection now (the trainers' lobby list shows it).</param>
/// <param name="Queued">Told each event's number as it is queued, while the game is as the event says.</param>
public sealed record SessionOutboxHost(Func<SessionState> State, Func<long> DurableSequence, Func<int, bool> Connected, Action<long> Queued);

/// <summary>
/// The session's events on their way out: each is numbered as it is queued and sent, in order, only once the write
/// that holds its change is durable; the lobby list and the answer count are not queued but sent as throttled pulses
/// (<see cref="PulseSchedule"/>) behind them. Runs on the grain's scheduler, so it needs no lock.
/// </summary>
public sealed partial class SessionOutbox(SessionOutboxHost host, ISessionEventSink relays, StartTimer startTimer, TimeProvider time, ILogger log)
{
    private readonly List<Outgoing> _waiting = [];
    private readonly PulseSchedule _pulses = new();
    private DateTimeOffset? _pulseDue;
    private IDisposable? _pulseTimer;

    /// <summary>Events queued and not sent yet.</summary>
    public int Waiting => _waiting.Count;

    /// <summary>
    /// Queues an announcement under the next event number. Its personal parts are serialised now, or as it leaves when
    /// <see cref="Announcement.PersonalAsItLeaves"/> (taken now all the same: views are immutable records, and a fast
    /// trainer or a storage outage may release several phases at once, each saying what held at its own).
    /// </summary>
    public void Append(Announcement announcement)
    {
        var sequence = ++host.State().Sequence;
        host.Queued(sequence);
        var audience = announcement.Payload is null ? EventAudience.Nobody : EventAudience.Everyone;
        var payload = announcement.Payload is null ? null : Json(announcement.Payload);
        var personal = announcement.Personal ?? new Dictionary<int, object>();
        if (announcement.PersonalAsItLeaves)
        {
            var e = announcement.InsideAs is { } inside
                ? new SessionEvent(sequence, announcement.Name, payload, audience, null, null, inside)
                : new SessionEvent(sequence, announcement.Name, payload, audience, announcement.PersonalName, null);
            _waiting.Add(new(e, () => Serialise(personal)));
            return;
        }
        var now = announcement.Personal is null ? null : Serialise(personal);
        _waiting.Add(new(new SessionEvent(sequence, announcement.Name, payload, audience, announcement.PersonalName, now)));
    }

    /// <summary>A count the pulses carry has changed: it goes with the next pulse its audience is due.</summary>
    public void Changed(PulseCounts counts) => _pulses.Changed(counts);

    /// <summary>Forgets every queued event (the retention purge: nothing personal may leave after it).</summary>
    public void Clear() => _waiting.Clear();

    /// <summary>Sends, in order, every event whose change is durable, then the pulses due, then <paramref name="notice"/>.</summary>
    public void Announce(SessionEvent? notice = null)
    {
        var durable = host.DurableSequence();
        var leaving = _waiting.TakeWhile(e => e.Event.Sequence <= durable).ToList();
        _waiting.RemoveRange(0, leaving.Count);
        var now = time.GetUtcNow();
        var (hosts, learners) = _pulses.Take(now);
        ArmPulse(now);
        if (host.State().Game is not { } game) return;
        var ready = new List<SessionEvent>();
        foreach (var (e, personalLater) in leaving)
        {
            if (personalLater is not null)
            {
                // What comes before leaves first, and is delivered while these payloads are serialised.
                if (ready.Count > 0) relays.Send(game.Id, ready, now);
                ready = [];
                try
                {
                    ready.Add(e with { Personal = personalLater() });
                }
                catch (Exception ex)
                {
                    // Not expected (immutable records of plain values): the event still goes without its personal parts.
                    LogPersonalNotSerialised(log, ex, e.Name, game.Id);
                    ready.Add(e);
                }
            }
            else ready.Add(e);
        }
        ready.AddRange(Pulse(game, hosts, learners));
        if (notice is not null) ready.Add(notice);
        if (ready.Count > 0) relays.Send(game.Id, ready, now);
    }

    /// <summary>Sends a notice that belongs to no change (storage, a challenge's view) behind what is durable.</summary>
    public void Notify<T>(string name, T payload) =>
        Announce(new SessionEvent(host.DurableSequence(), name, Json(payload), EventAudience.Everyone, null, null));

    /// <summary>Keeps one timer, due at the next pulse while some count waits for it.</summary>
    private void ArmPulse(DateTimeOffset now)
    {
        if (_pulses.NextDue is not { } due || _pulseDue is { } armed && armed <= due) return;
        _pulseTimer?.Dispose();
        _pulseDue = due;
        _pulseTimer = startTimer(due > now ? due - now : TimeSpan.Zero, () =>
        {
            _pulseTimer?.Dispose();
            (_pulseTimer, _pulseDue) = (null, null);
            Announce();
            return Task.CompletedTask;
        });
    }

    /// <summary>The lobby and answer counts each audience is due (see <see cref="PulseSchedule"/>).</summary>
    private IEnumerable<SessionEvent> Pulse(GameSession game, PulseCounts hosts, PulseCounts learners)
    {
        var sequence = host.State().Sequence;
        // Trainers and projectors get every name; learners only the count, and only while a phone shows it: in the
        // lobby, or for the teams of a team game.
        if (hosts.HasFlag(PulseCounts.Lobby))
            yield return new SessionEvent(sequence, SessionEvents.Lobby, Json(SessionAnnouncements.Lobby(game, host.Connected)), EventAudience.Hosts, null, null);
        if (learners.HasFlag(PulseCounts.Lobby) && (game.Phase == SessionPhase.Lobby || game.IsTeamGame))
            yield return new SessionEvent(sequence, SessionEvents.Lobby, Json(SessionAnnouncements.Lobby(game, host.Connected, names: false)), EventAudience.Learners, null, null);
        var answers = (hosts.HasFlag(PulseCounts.Answers), learners.HasFlag(PulseCounts.Answers));
        if (answers is (false, false) || game is not { Phase: SessionPhase.QuestionOpen, CurrentRound: { } round }) yield break;
        var audience = answers switch { (true, true) => EventAudience.Everyone, (true, false) => EventAudience.Hosts, _ => EventAudience.Learners };
        yield return new SessionEvent(sequence, SessionEvents.AnswerCount,
            Json(new AnswerCountPayload(round.QuestionIndex, round.Answers.Count, game.ActiveSeats.Count())), audience, null, null);
    }

    /// <summary>Each seat's payload; one view shared by several seats (a team's votes) is serialised once.</summary>
    private static Dictionary<int, byte[]> Serialise(IReadOnlyDictionary<int, object> views)
    {
        var rendered = new Dictionary<object, byte[]>(ReferenceEqualityComparer.Instance);
        return views.ToDictionary(v => v.Key, v => rendered.TryGetValue(v.Value, out var bytes) ? bytes : rendered[v.Value] = Json(v.Value));
    }

    private static byte[] Json<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, QuizJson.Options);

    /// <summary>An event waiting for its change to be durable; <paramref name="PersonalLater"/> builds its personal payloads as it leaves.</summary>
    private sealed record Outgoing(SessionEvent Event, Func<IReadOnlyDictionary<int, byte[]>>? PersonalLater = null);

    [LoggerMessage(Level = LogLevel.Error, Message = "Session {SessionId}: could not serialise the personal payloads of {Event}; they were not sent")]
    private static partial void LogPersonalNotSerialised(ILogger log, Exception e, string @event, Guid sessionId);
}
