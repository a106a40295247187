namespace LearnGame.LoadTest;

/// <summary>
/// The tool's own garbage-collection pauses over time: a thread of its own reads the process's total pause every
/// <see cref="Interval"/>, so that the pause that fell within any stretch of the run can be told afterwards (a pause
/// of the tool delays the receipt of every simulated client at once, and shows in every latency as if it were the
/// server's). Samples are kept for at most <see cref="MaxSamples"/> intervals (more than an hour).
/// </summary>
public sealed class PauseTimeline : IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(10);
    public const int MaxSamples = 400_000;

    private readonly Func<TimeSpan> _totalPause;
    private readonly Func<TimeSpan> _totalJit;
    private readonly Func<DateTimeOffset> _now;
    private readonly CounterSamples _samples = new(MaxSamples);
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread? _thread;
    private int _disposed;

    /// <summary>Starts sampling this process.</summary>
    public PauseTimeline() : this(GC.GetTotalPauseDuration, () => DateTimeOffset.UtcNow, () => System.Runtime.JitInfo.GetCompilationTime())
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "pause timeline" };
        Sample();
        _thread.Start();
    }

    /// <summary>Samples only when <see cref="Sample"/> is called (tests).</summary>
    internal PauseTimeline(Func<TimeSpan> totalPause, Func<DateTimeOffset> now, Func<TimeSpan>? totalJit = null) =>
        (_totalPause, _now, _totalJit) = (totalPause, now, totalJit ?? (() => TimeSpan.Zero));

    internal void Sample() => _samples.Add(_now(), _totalPause().TotalMilliseconds, _totalJit().TotalMilliseconds);

    /// <summary>
    /// The pause between <paramref name="from"/> and <paramref name="to"/>, in milliseconds, from the last sample at or
    /// before the start to the first at or after the end: a pause that touches the window is counted whole. Null before
    /// any sample.
    /// </summary>
    public double? PausedMsBetween(DateTimeOffset from, DateTimeOffset to) =>
        _samples.GrowthBetween(from, to) is [var paused, _] ? Math.Round(paused, 1) : null;

    /// <summary>The time this process spent compiling (JIT) over the same stretch, counted the same way; null before any sample.</summary>
    public double? JitMsBetween(DateTimeOffset from, DateTimeOffset to) =>
        _samples.GrowthBetween(from, to) is [_, var jit] ? Math.Round(jit, 1) : null;

    private void Run()
    {
        while (!_stop.Token.WaitHandle.WaitOne(Interval)) Sample();
    }

    /// <summary>Stops sampling, after a last sample: the pauses stay readable.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _stop.Cancel();
        _thread?.Join();
        if (_thread is not null) Sample(); // the end of the run
        _stop.Dispose();
    }
}
