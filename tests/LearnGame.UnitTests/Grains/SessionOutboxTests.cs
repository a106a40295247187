using System.Text;
using LearnGame.Domain.Sessions;
using LearnGame.Domain.Sessions.Views;
using LearnGame.Grains.Abstractions.Sessions;
using LearnGame.Grains.Sessions;
using LearnGame.UnitTests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace LearnGame.UnitTests.Grains;

public class SessionOutboxTests
{
    private sealed class FakeRelays : ISessionEventSink
    {
        public List<IReadOnlyList<SessionEvent>> Batches { get; } = [];

        public IEnumerable<SessionEvent> Events => Batches.SelectMany(b => b);

        public void Send(Guid sessionId, IReadOnlyList<SessionEvent> events, DateTimeOffset now) => Batches.Add(events.ToList());
    }

    private sealed class Fixture
    {
        public TestGame Game { get; } = new(Make.Single(), Make.Single());
        public SessionState State { get; } = new();
        public long Durable { get; set; }
        public HashSet<int> Connected { get; } = [];
        public List<long> Queued { get; } = [];
        public FakeRelays Relays { get; } = new();
        public List<(TimeSpan Due, Func<Task> Callback, Cancellable Timer)> Timers { get; } = [];
        public SessionOutbox Outbox { get; }

        public Fixture()
        {
            State.Game = Game.Session;
            Outbox = new SessionOutbox(new SessionOutboxHost(() => State, () => Durable, Connected.Contains, Queued.Add), Relays, Start, Game.Clock,
                NullLogger.Instance);
        }

        private IDisposable Start(TimeSpan due, Func<Task> callback)
        {
            var timer = new Cancellable();
            Timers.Add((due, callback, timer));
            return timer;
        }
    }

    private sealed class Cancellable : IDisposable
    {
        public bool Disposed { get; private set; }
        public void Dispose() => Disposed = true;
    }

    private static string Text(byte[]? bytes) => Encoding.UTF8.GetString(bytes!);

    [Fact]
    public void Events_leave_in_order_and_only_once_the_write_that_holds_them_is_durable()
    {
        var f = new Fixture();
        f.Outbox.Append(new(SessionEvents.Paused, new PausedPayload(0, 1000)));
        f.Outbox.Append(new(SessionEvents.Paused, new PausedPayload(0, 2000)));
        Assert.Equal([1L, 2L], f.Queued);
        Assert.Equal(2, f.State.Sequence);

        f.Outbox.Announce();
        Assert.Empty(f.Relays.Batches);

        f.Durable = 1;
        f.Outbox.Announce();
        f.Durable = 2;
        f.Outbox.Announce();

        Assert.Equal([1L, 2L], f.Relays.Events.Select(e => e.Sequence));
        Assert.Equal(2, f.Relays.Batches.Count);
        Assert.Contains("2000", Text(f.Relays.Batches[1][0].Payload));
        Assert.Equal(0, f.Outbox.Waiting);
    }

    [Fact]
    public void Personal_parts_serialised_as_they_leave_go_after_what_came_before_in_a_batch_of_their_own()
    {
        var f = new Fixture();
        f.Outbox.Append(new(SessionEvents.Paused, new PausedPayload(0, 1000)));
        f.Outbox.Append(Announcement.PerSeat(SessionEvents.Standing, new Dictionary<int, object> { [1] = new KickedPayload("one"), [2] = new KickedPayload("two") }));
        f.Durable = 2;

        f.Outbox.Announce();

        Assert.Equal(2, f.Relays.Batches.Count);
        var standing = Assert.Single(f.Relays.Batches[1]);
        Assert.Equal((EventAudience.Nobody, SessionEvents.Standing, (byte[]?)null), (standing.Audience, standing.PersonalName, standing.Payload));
        Assert.Contains("two", Text(standing.Personal![2]));
    }

    [Fact]
    public void A_view_shared_by_several_seats_is_serialised_once_with_the_event()
    {
        var f = new Fixture();
        var votes = new KickedPayload("votes");
        f.Outbox.Append(Announcement.ToSeats(SessionEvents.TeamVotes, new Dictionary<int, object> { [1] = votes, [2] = votes }));
        f.Durable = 1;

        f.Outbox.Announce();

        var e = Assert.Single(Assert.Single(f.Relays.Batches));
        Assert.Same(e.Personal![1], e.Personal[2]);
        Assert.Equal((EventAudience.Nobody, SessionEvents.TeamVotes), (e.Audience, e.PersonalName));
    }

    [Fact]
    public void A_question_with_extra_time_carries_each_learners_own_deadline()
    {
        var f = new Fixture();
        var zoe = f.Game.Join("Zoé");
        f.Game.Join("Marc");
        Assert.Null(f.Game.Session.SetExtraTime(zoe.Id, 50, 0));
        f.Game.Start();
        f.Outbox.Append(SessionAnnouncements.Question(SessionEvents.Question, f.Game.Session, f.Game.Now));
        f.Durable = 1;

        f.Outbox.Announce();

        var question = Assert.Single(Assert.Single(f.Relays.Batches));
        Assert.Equal((EventAudience.Everyone, SessionEvents.YourDeadline), (question.Audience, question.PersonalName));
        Assert.Equal([zoe.Id], question.Personal!.Keys);
    }

    [Fact]
    public async Task The_lobby_pulse_is_throttled_and_the_change_it_held_back_goes_when_its_timer_fires()
    {
        var f = new Fixture();
        var zoe = f.Game.Join("Zoe");
        f.Connected.Add(zoe.Id);
        f.Outbox.Changed(PulseCounts.Lobby);
        f.Outbox.Announce();
        var first = Assert.Single(f.Relays.Batches);
        Assert.Equal([EventAudience.Hosts, EventAudience.Learners], first.Select(e => e.Audience));
        Assert.Contains("Zoe", Text(first[0].Payload));
        Assert.DoesNotContain("Zoe", Text(first[1].Payload));

        f.Game.Join("Marc");
        f.Outbox.Changed(PulseCounts.Lobby);
        f.Outbox.Announce();
        Assert.Single(f.Relays.Batches);
        var (due, fire, _) = Assert.Single(f.Timers);
        Assert.Equal(PulseSchedule.HostInterval, due);

        f.Game.Clock.Advance(due);
        await fire();
        var second = f.Relays.Batches[1];
        Assert.Equal(EventAudience.Hosts, Assert.Single(second).Audience);
        Assert.Contains("Marc", Text(second[0].Payload));
    }

    [Fact]
    public void A_notice_carries_the_durable_sequence_and_follows_what_is_durable()
    {
        var f = new Fixture();
        f.Outbox.Append(new(SessionEvents.Paused, new PausedPayload(0, 1000)));
        f.Outbox.Append(new(SessionEvents.Paused, new PausedPayload(0, 2000)));
        f.Durable = 1;

        f.Outbox.Notify(SessionEvents.Storage, new StoragePayload(StoragePayload.Ok));

        var batch = Assert.Single(f.Relays.Batches);
        Assert.Equal([(1L, SessionEvents.Paused), (1L, SessionEvents.Storage)], batch.Select(e => (e.Sequence, e.Name)));
    }

    [Fact]
    public void Cleared_events_never_leave()
    {
        var f = new Fixture();
        f.Outbox.Append(new(SessionEvents.Paused, new PausedPayload(0, 1000)));
        f.Outbox.Clear();
        f.Durable = 1;

        f.Outbox.Announce();

        Assert.Empty(f.Relays.Batches);
    }
}
