using LearnGame.Grains;
using LearnGame.Grains.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;
using Orleans.TestingHost;

namespace LearnGame.FunctionalTests.Grains;

/// <summary>An Orleans test cluster (one silo, in process) whose grain storage counts writes and can fail on demand.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public CountingStorage Storage { get; } = new();

    /// <summary>The silo's clock; a test may move it forward (and must put it back).</summary>
    public ShiftedTime Time { get; } = new();
    public InProcessTestCluster Cluster { get; private set; } = null!;
    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSerializer(s => s.AddLearnGameSerialization());
            silo.Services.AddKeyedSingleton<IGrainStorage>(GrainStorage.Name, Storage);
            silo.Services.AddSingleton<TimeProvider>(Time);
            silo.UseInMemoryReminderService();
        });
        builder.ConfigureClient(client => client.Services.AddSerializer(s => s.AddLearnGameSerialization()));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }
}

/// <summary>
/// The silo's clock: the system clock plus <see cref="Shift"/>, which a test sets to reach the end of a retention
/// period without waiting for it; and <see cref="Jump"/>, which moves the clock forward and fires every timer of the
/// silo (a question's deadline among them) that would have fired meanwhile, so that no test waits on the wall clock.
/// </summary>
public sealed class ShiftedTime : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<JumpingTimer> _timers = [];
    private long _jumpedTicks;

    /// <summary>Moves the wall clock only, either way; timers keep their real pace.</summary>
    public TimeSpan Shift { get; set; }

    private TimeSpan Jumped => TimeSpan.FromTicks(Interlocked.Read(ref _jumpedTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Shift + Jumped;

    public override long GetTimestamp() => System.GetTimestamp() + ToTimestamp(Jumped);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new JumpingTimer(this, callback, state);
        lock (_gate) _timers.Add(timer);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock forward by <paramref name="by"/>: timers due by then fire now, the others keep what is left.</summary>
    public void Jump(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _jumpedTicks, by.Ticks);
        List<JumpingTimer> timers;
        lock (_gate) timers = [.. _timers];
        foreach (var timer in timers) timer.Jumped();
    }

    private long ToTimestamp(TimeSpan span) => (long)(span.TotalSeconds * TimestampFrequency);

    private TimeSpan FromTimestamp(long timestamp) => TimeSpan.FromSeconds((double)timestamp / TimestampFrequency);

    private void Forget(JumpingTimer timer)
    {
        lock (_gate) _timers.Remove(timer);
    }

    /// <summary>A system timer that knows when, on this clock, it is due, so that a jump can bring it forward.</summary>
    private sealed class JumpingTimer : ITimer
    {
        private readonly ShiftedTime _time;
        private readonly TimerCallback _callback;
        private readonly ITimer _inner;
        private readonly Lock _gate = new();
        private long? _dueAt;
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public JumpingTimer(ShiftedTime time, TimerCallback callback, object? state)
        {
            (_time, _callback) = (time, callback);
            _inner = System.CreateTimer(Fire, state, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (_gate)
            {
                _period = period;
                _dueAt = dueTime == Timeout.InfiniteTimeSpan ? null : _time.GetTimestamp() + _time.ToTimestamp(dueTime);
                return _inner.Change(dueTime, period);
            }
        }

        public void Jumped()
        {
            lock (_gate)
            {
                if (_dueAt is not { } at) return;
                var left = at - _time.GetTimestamp();
                _inner.Change(left <= 0 ? TimeSpan.Zero : _time.FromTimestamp(left), _period);
            }
        }

        private void Fire(object? state)
        {
            // A one-shot timer that fired is due no more; a periodic one is next due a period from now.
            lock (_gate) _dueAt = _period == Timeout.InfiniteTimeSpan ? null : _time.GetTimestamp() + _time.ToTimestamp(_period);
            _callback(state);
        }

        public void Dispose()
        {
            _inner.Dispose();
            _time.Forget(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
