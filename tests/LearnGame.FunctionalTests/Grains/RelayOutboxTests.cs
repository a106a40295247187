using LearnGame.Grains.Abstractions.Sessions;
using LearnGame.Grains.Sessions;
using LearnGame.Testing;

namespace LearnGame.FunctionalTests.Grains;

/// <summary>Orleans does not promise message order; the session keeps one call in flight per relay so events arrive in order.</summary>
public sealed class RelayOutboxTests
{
    private static SessionEvent Event(long sequence, string name) => new(sequence, name, null, EventAudience.Everyone, null, null);

    [Fact]
    public async Task Events_announced_while_a_call_is_in_flight_wait_and_travel_together_in_order()
    {
        var relay = new HeldRelay();
        var outbox = new RelayOutbox(relay);
        var session = Guid.NewGuid();

        outbox.Send(session, [Event(1, SessionEvents.Question)]);
        outbox.Send(session, [Event(2, SessionEvents.AnswerCount)]);
        outbox.Send(session, [Event(3, SessionEvents.Reveal)]);

        Assert.Single(relay.Calls); // the reveal does not overtake the question: it waits for the first call's answer
        var secondCall = relay.NextCall;
        relay.Answer();
        var second = await secondCall.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal([2L, 3L], second.Events.Select(e => e.Sequence));
        relay.Answer();
        await Eventually.True(() => !outbox.Sending, "the outbox sends nothing more");

        var thirdCall = relay.NextCall;
        outbox.Send(session, [Event(4, SessionEvents.Leaderboard)]);
        var third = await thirdCall.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal([4L], third.Events.Select(e => e.Sequence));
        Assert.Equal([1L, 2L, 3L, 4L], relay.Calls.SelectMany(c => c.Events).Select(e => e.Sequence));
    }

    [Fact]
    public async Task A_relay_that_fails_does_not_stop_the_events_that_follow()
    {
        var relay = new HeldRelay();
        var outbox = new RelayOutbox(relay);
        var session = Guid.NewGuid();

        outbox.Send(session, [Event(1, SessionEvents.Question)]);
        outbox.Send(session, [Event(2, SessionEvents.Reveal)]);
        var nextCall = relay.NextCall;
        relay.Fail();

        var next = await nextCall.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal([2L], next.Events.Select(e => e.Sequence));
    }

    /// <summary>A relay whose calls stay unanswered until the test answers them.</summary>
    private sealed class HeldRelay : ISessionObserver
    {
        private readonly object _gate = new();
        private TaskCompletionSource _pending = new();
        private TaskCompletionSource<SessionEventBatch> _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<SessionEventBatch> Calls { get; } = [];

        /// <summary>The next call made after this property is read.</summary>
        public Task<SessionEventBatch> NextCall
        {
            get { lock (_gate) return _next.Task; }
        }

        public Task OnEvents(SessionEventBatch batch)
        {
            lock (_gate)
            {
                Calls.Add(batch);
                _pending = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var next = _next;
                _next = new TaskCompletionSource<SessionEventBatch>(TaskCreationOptions.RunContinuationsAsynchronously);
                next.TrySetResult(batch);
                return _pending.Task;
            }
        }

        public void Answer()
        {
            lock (_gate) _pending.TrySetResult();
        }

        public void Fail()
        {
            lock (_gate) _pending.TrySetException(new TimeoutException("The relay's silo is gone."));
        }
    }
}
