using System.Collections.Concurrent;
using System.Reflection;
using System.Text;
using LearnGame.Grains.Abstractions.Sessions;
using LearnGame.Server.Realtime;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging.Abstractions;

namespace LearnGame.FunctionalTests.Realtime;

public sealed class SessionRelayTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Found by the load tool with 400 classrooms: the hub's first calls subscribe sessions from several threads at once;
    /// two references to one relay made one classroom receive every event twice.
    /// </summary>
    [Fact]
    public void Concurrent_first_subscriptions_share_one_reference_to_the_relay()
    {
        var factory = DispatchProxy.Create<IGrainFactory, SlowReferenceFactory>();
        var relay = new SessionRelay(null!, new LocalConnections(), factory, NullLogger<SessionRelay>.Instance);
        const int callers = 16;
        using var start = new Barrier(callers);
        var references = new ISessionObserver[callers];

        var threads = Enumerable.Range(0, callers).Select(i => new Thread(() =>
        {
            start.SignalAndWait();
            references[i] = relay.Reference;
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Single(references.Distinct());
        Assert.Equal(1, ((SlowReferenceFactory)(object)factory).Created);
    }

    /// <summary>
    /// A group send lasts until every connection of the group has taken the message: one trainer on slow Wi-Fi or one
    /// phone that stops reading must not hold up the other classrooms of the silo.
    /// </summary>
    [Fact]
    public async Task A_session_whose_delivery_waits_does_not_hold_up_another_sessions_events()
    {
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        var hub = new RecordingHub();
        var stuck = new TaskCompletionSource();
        hub.Sending = group => group == GameHub.SessionGroup(a) ? stuck.Task : Task.CompletedTask;
        var relay = new SessionRelay(hub.Context, new LocalConnections(), null!, NullLogger<SessionRelay>.Instance);
        await relay.StartAsync(CancellationToken.None);

        await relay.OnEvents(Batch(a, SessionEvents.Question));
        await hub.SentTo(GameHub.SessionGroup(a), SessionEvents.Question).WaitAsync(Patience);
        await relay.OnEvents(Batch(b, SessionEvents.Question));

        await hub.SentTo(GameHub.SessionGroup(b), SessionEvents.Question).WaitAsync(Patience);
        stuck.SetResult();
        await relay.StopAsync(CancellationToken.None).WaitAsync(Patience);
    }

    [Fact]
    public async Task One_sessions_batches_are_handed_over_one_after_the_other_in_the_order_they_arrived()
    {
        var session = Guid.NewGuid();
        var hub = new RecordingHub();
        var relay = new SessionRelay(hub.Context, new LocalConnections(), null!, NullLogger<SessionRelay>.Instance);
        await relay.StartAsync(CancellationToken.None);

        await relay.OnEvents(Batch(session, SessionEvents.Question));
        await relay.OnEvents(Batch(session, SessionEvents.Reveal));
        await relay.OnEvents(Batch(session, SessionEvents.Leaderboard, SessionEvents.Standing));
        await relay.StopAsync(CancellationToken.None).WaitAsync(Patience);

        Assert.Equal([SessionEvents.Question, SessionEvents.Reveal, SessionEvents.Leaderboard, SessionEvents.Standing], hub.Sent.Select(s => s.Event));
    }

    /// <summary>
    /// Completes a send the relay waits for so that the relay's continuation runs on this thread, before this returns.
    /// .NET runs it inline only where no synchronization context other than the default one is set: under xunit's (this
    /// thread has it when the test's awaits completed at once) it queued it instead, and a CI run read the relay's count
    /// before it ran.
    /// </summary>
    private static void CompleteHere(TaskCompletionSource sending)
    {
        var context = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            sending.SetResult();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(context);
        }
    }

    /// <summary>
    /// A send is done once every connection has taken the message: a phone that stopped reading must not make its whole
    /// classroom get the next question late. The relay hands the next event over at once (SignalR keeps each
    /// connection's order; <c>SlowConnectionTests</c> checks it on real sockets) and counts the send still waiting.
    /// </summary>
    [Fact]
    public async Task A_send_some_connection_has_not_taken_does_not_hold_up_the_sessions_next_event()
    {
        var session = Guid.NewGuid();
        var hub = new RecordingHub();
        var slowPhone = new TaskCompletionSource();
        hub.Sending = _ => hub.Sent.Count == 1 ? slowPhone.Task : Task.CompletedTask;
        var relay = new SessionRelay(hub.Context, new LocalConnections(), null!, NullLogger<SessionRelay>.Instance);
        await relay.StartAsync(CancellationToken.None);

        await relay.OnEvents(Batch(session, SessionEvents.Question));
        await relay.OnEvents(Batch(session, SessionEvents.Reveal));

        await hub.SentTo(GameHub.SessionGroup(session), SessionEvents.Reveal).WaitAsync(Patience);
        await relay.StopAsync(CancellationToken.None).WaitAsync(Patience);
        Assert.Equal(1, relay.SendsWaiting);
        CompleteHere(slowPhone); // the count is settled when it returns
        Assert.Equal(0, relay.SendsWaiting);
    }

    /// <summary>
    /// Sessions take turns: the relay's own work never spreads over every core, which at 400 classrooms took them from
    /// the durable writes. The first session's send works (here, waits without giving its turn up) long enough for the
    /// second to start alongside it if it could: a bounded wait, because what is checked is that something does not happen.
    /// </summary>
    [Fact]
    public async Task Two_sessions_deliveries_take_turns_rather_than_run_side_by_side()
    {
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        var hub = new RecordingHub();
        using var bStarted = new ManualResetEventSlim();
        var aWorking = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bStartedDuringA = false;
        hub.Sending = group =>
        {
            if (group == GameHub.SessionGroup(b))
            {
                bStarted.Set();
                return Task.CompletedTask;
            }
            aWorking.SetResult();
            bStartedDuringA = bStarted.Wait(TimeSpan.FromSeconds(1));
            return Task.CompletedTask;
        };
        var relay = new SessionRelay(hub.Context, new LocalConnections(), null!, NullLogger<SessionRelay>.Instance);
        await relay.StartAsync(CancellationToken.None);

        await relay.OnEvents(Batch(a, SessionEvents.Question));
        await aWorking.Task.WaitAsync(Patience);
        await relay.OnEvents(Batch(b, SessionEvents.Question));
        await relay.StopAsync(CancellationToken.None).WaitAsync(Patience);

        Assert.False(bStartedDuringA);
        Assert.Equal([GameHub.SessionGroup(a), GameHub.SessionGroup(b)], hub.Sent.Select(s => s.Group));
    }

    /// <summary>
    /// The reveal and each learner's result travel as one message per learner: a learner connection gets the reveal with
    /// its own result inside, the trainer the reveal alone, a learner with no result (joined since) the reveal alone.
    /// For learners only, the trainer gets nothing and each learner the same as for everyone.
    /// </summary>
    [Theory]
    [InlineData(EventAudience.Everyone)]
    [InlineData(EventAudience.Learners)]
    public async Task An_event_with_own_parts_reaches_each_learner_once_with_its_own_part_and_the_trainer_without(EventAudience audience)
    {
        var session = Guid.NewGuid();
        var hub = new RecordingHub();
        var connections = new LocalConnections();
        connections.AddHost(session, "trainer");
        connections.AddSeat(session, 1, "alice");
        connections.AddSeat(session, 2, "bob-phone");
        connections.AddSeat(session, 2, "bob-laptop");
        connections.AddSeat(session, 3, "late");
        connections.AddSeat(Guid.NewGuid(), 1, "other-session");
        var relay = new SessionRelay(hub.Context, connections, null!, NullLogger<SessionRelay>.Instance);
        await relay.StartAsync(CancellationToken.None);
        var personal = new Dictionary<int, byte[]> { [1] = """{"points":10}"""u8.ToArray(), [2] = """{"points":20}"""u8.ToArray() };

        await relay.OnEvents(new(session, [new SessionEvent(7, SessionEvents.Reveal, """{"questionIndex":0}"""u8.ToArray(), audience, null, personal, SessionEvents.Result)]));
        await relay.StopAsync(CancellationToken.None).WaitAsync(Patience);

        var sent = hub.Payloads.ToDictionary(p => p.Target, p => (p.Event, Encoding.UTF8.GetString(p.Payload!)));
        var expected = new Dictionary<string, (string, string)>
        {
            [GameHub.HostGroup(session)] = (SessionEvents.Reveal, """{"questionIndex":0}"""),
            [RecordingHub.Client("alice")] = (SessionEvents.Reveal, """{"questionIndex":0,"result":{"points":10}}"""),
            [RecordingHub.Client("bob-phone")] = (SessionEvents.Reveal, """{"questionIndex":0,"result":{"points":20}}"""),
            [RecordingHub.Client("bob-laptop")] = (SessionEvents.Reveal, """{"questionIndex":0,"result":{"points":20}}"""),
            [RecordingHub.Client("late")] = (SessionEvents.Reveal, """{"questionIndex":0}"""),
        };
        if (audience == EventAudience.Learners) expected.Remove(GameHub.HostGroup(session));
        Assert.Equal(expected, sent);
        Assert.Equal(expected.Count, hub.Payloads.Count);
    }

    /// <summary>
    /// A projector on weak Wi-Fi with 2,000 learners joining: lobby lists of 120 KB, up to 4 a second, came faster than
    /// its link took them, and SignalR closed its connection at each send timeout. While one list is on its way to it,
    /// only the newest waits behind it; the trainer's own screen gets every list, and the other events go on as before.
    /// </summary>
    [Fact]
    public async Task While_a_lobby_list_is_on_its_way_to_a_trainers_screen_only_the_newest_waits_behind_it()
    {
        var session = Guid.NewGuid();
        var hub = new RecordingHub();
        var (trainer, projector) = (RecordingHub.Client("trainer"), RecordingHub.Client("projector"));
        var weakWifi = new TaskCompletionSource();
        hub.Sending = target => target == projector && hub.Sent.Count(s => s.Group == projector) == 1 ? weakWifi.Task : Task.CompletedTask;
        var connections = new LocalConnections();
        connections.AddHost(session, "trainer");
        connections.AddHost(session, "projector");
        var relay = new SessionRelay(hub.Context, connections, null!, NullLogger<SessionRelay>.Instance);
        await relay.StartAsync(CancellationToken.None);

        for (var count = 1; count <= 3; count++)
            await relay.OnEvents(new(session, [new SessionEvent(count, SessionEvents.Lobby, Encoding.UTF8.GetBytes($$"""{"count":{{count}}}"""), EventAudience.Hosts, null, null)]));
        await relay.OnEvents(Batch(session, SessionEvents.Question));
        await hub.SentTo(GameHub.SessionGroup(session), SessionEvents.Question).WaitAsync(Patience);

        Assert.Equal(["""{"count":1}""", """{"count":2}""", """{"count":3}"""], ListsSentTo(trainer));
        Assert.Equal(["""{"count":1}"""], ListsSentTo(projector));
        Assert.Equal(1, relay.LobbiesOnTheirWay);
        CompleteHere(weakWifi); // the newest list has been handed over when it returns
        Assert.Equal(["""{"count":1}""", """{"count":3}"""], ListsSentTo(projector));
        Assert.Equal(0, relay.LobbiesOnTheirWay);
        await relay.StopAsync(CancellationToken.None).WaitAsync(Patience);

        List<string> ListsSentTo(string target) => hub.Payloads.Where(p => p.Target == target).Select(p => Encoding.UTF8.GetString(p.Payload!)).ToList();
    }

    [Fact]
    public async Task A_lobby_list_still_waiting_when_the_relay_stops_is_not_sent()
    {
        var session = Guid.NewGuid();
        var hub = new RecordingHub();
        var weakWifi = new TaskCompletionSource();
        hub.Sending = target => hub.Sent.Count == 1 ? weakWifi.Task : Task.CompletedTask;
        var connections = new LocalConnections();
        connections.AddHost(session, "projector");
        var relay = new SessionRelay(hub.Context, connections, null!, NullLogger<SessionRelay>.Instance);
        await relay.StartAsync(CancellationToken.None);

        await relay.OnEvents(new(session, [new SessionEvent(1, SessionEvents.Lobby, """{"count":1}"""u8.ToArray(), EventAudience.Hosts, null, null)]));
        await relay.OnEvents(new(session, [new SessionEvent(2, SessionEvents.Lobby, """{"count":2}"""u8.ToArray(), EventAudience.Hosts, null, null)]));
        await relay.StopAsync(CancellationToken.None).WaitAsync(Patience);
        weakWifi.SetResult();

        Assert.Single(hub.Sent);
        Assert.Equal(0, relay.LobbiesOnTheirWay);
    }

    private static SessionEventBatch Batch(Guid sessionId, params string[] names) =>
        new(sessionId, names.Select((name, i) => new SessionEvent(i + 1, name, "{}"u8.ToArray(), EventAudience.Everyone, null, null)).ToList());

    /// <summary>A hub context that records each group send, in order, and lets the test decide when each send ends.</summary>
    public sealed class RecordingHub
    {
        private readonly ConcurrentDictionary<(string Group, string Event), TaskCompletionSource> _sent = new();

        public RecordingHub()
        {
            var clients = DispatchProxy.Create<IHubClients, ClientsProxy>();
            ((ClientsProxy)(object)clients).Hub = this;
            var context = DispatchProxy.Create<IHubContext<GameHub>, ContextProxy>();
            ((ContextProxy)(object)context).Clients = clients;
            Context = context;
        }

        public IHubContext<GameHub> Context { get; }
        public Func<string, Task> Sending { get; set; } = _ => Task.CompletedTask;
        public ConcurrentQueue<(string Group, string Event)> Sent { get; } = new();

        /// <summary>Every send with its payload's bytes; a send to one connection is to <see cref="Client"/>(its id).</summary>
        public ConcurrentQueue<(string Target, string Event, byte[]? Payload)> Payloads { get; } = new();

        /// <summary>How a send to one connection is recorded.</summary>
        public static string Client(string connectionId) => "connection:" + connectionId;

        /// <summary>Ends once that event has been handed to that group.</summary>
        public Task SentTo(string group, string name) => Signal(group, name).Task;

        private TaskCompletionSource Signal(string group, string name) =>
            _sent.GetOrAdd((group, name), _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

        internal Task Send(string group, string name, object?[] args)
        {
            Sent.Enqueue((group, name));
            Payloads.Enqueue((group, name, args.FirstOrDefault() is RawJson raw ? raw.Utf8 : null));
            var sending = Sending(group);
            Signal(group, name).TrySetResult();
            return sending;
        }

        public class ContextProxy : DispatchProxy
        {
            public IHubClients Clients { get; set; } = null!;

            protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
                targetMethod?.Name == "get_Clients" ? Clients : throw new NotSupportedException(targetMethod?.Name);
        }

        public class ClientsProxy : DispatchProxy
        {
            public RecordingHub Hub { get; set; } = null!;

            protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
            {
                // One connection's proxy is an ISingleClientProxy (it can also be invoked), a group's an IClientProxy.
                var (name, target) = targetMethod?.Name switch
                {
                    nameof(IHubClients.Group) => ((string)args![0]!, (object)DispatchProxy.Create<IClientProxy, GroupProxy>()),
                    nameof(IHubClients.Client) => (RecordingHub.Client((string)args![0]!), DispatchProxy.Create<ISingleClientProxy, GroupProxy>()),
                    _ => throw new NotSupportedException(targetMethod?.Name),
                };
                ((GroupProxy)target).Hub = Hub;
                ((GroupProxy)target).Name = name;
                return target;
            }
        }

        public class GroupProxy : DispatchProxy
        {
            public RecordingHub Hub { get; set; } = null!;
            public string Name { get; set; } = "";

            protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
                targetMethod?.Name == nameof(IClientProxy.SendCoreAsync) ? Hub.Send(Name, (string)args![0]!, (object?[])args[1]!) : throw new NotSupportedException(targetMethod?.Name);
        }
    }

    /// <summary>A grain factory whose object references take a while to make, as under load; a new one each call.</summary>
    public class SlowReferenceFactory : DispatchProxy
    {
        private int _created;

        public int Created => Volatile.Read(ref _created);

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            if (targetMethod?.Name != nameof(IGrainFactory.CreateObjectReference)) throw new NotSupportedException(targetMethod?.Name);
            Interlocked.Increment(ref _created);
            Thread.SpinWait(2_000_000); // CPU work, not a clock: long enough for every other caller to arrive
            return DispatchProxy.Create<ISessionObserver, NoRelay>();
        }
    }

    public class NoRelay : DispatchProxy
    {
        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => throw new NotSupportedException();
    }
}
