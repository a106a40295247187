using System.Reflection;
using LearnGame.Grains.Abstractions.Sessions;
using LearnGame.Server.Realtime;
using Microsoft.Extensions.Logging.Abstractions;

namespace LearnGame.FunctionalTests.Realtime;

public sealed class SessionRelayTests
{
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
