using LearnGame.Grains.Abstractions.Sessions;

namespace LearnGame.Grains.Sessions;

/// <summary>
/// Sends one session's events to one relay in the order they were announced. Orleans does not promise that messages
/// arrive in the order they were sent (a reveal once reached a new relay before the question it followed), so at most
/// one call is in flight per relay, and what is announced meanwhile travels together in the next call. Runs on the
/// session grain's scheduler, so it needs no lock.
/// </summary>
public sealed class RelayOutbox(ISessionObserver relay)
{
    private readonly List<SessionEvent> _waiting = [];
    private bool _sending;

    /// <summary>True while a call to the relay is in flight.</summary>
    public bool Sending => _sending;

    /// <summary>Queues the events; they leave at once unless a call to this relay is still in flight.</summary>
    public void Send(Guid sessionId, IReadOnlyList<SessionEvent> events)
    {
        _waiting.AddRange(events);
        if (!_sending) _ = PumpAsync(sessionId);
    }

    private async Task PumpAsync(Guid sessionId)
    {
        _sending = true;
        try
        {
            while (_waiting.Count > 0)
            {
                var batch = new SessionEventBatch(sessionId, _waiting.ToList());
                _waiting.Clear();
                try
                {
                    await relay.OnEvents(batch);
                }
                catch (Exception)
                {
                    // The relay's silo is gone or did not answer: as for any push, the events are lost to it (its
                    // learners reconnect elsewhere and get a snapshot), and its subscription expires.
                }
            }
        }
        finally
        {
            _sending = false;
        }
    }
}
