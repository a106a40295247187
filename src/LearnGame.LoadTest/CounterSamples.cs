namespace LearnGame.LoadTest;

/// <summary>
/// Running totals sampled over a run (a process's time paused by its collections, a server's time compiling), and how
/// much each grew within any stretch of it. At most <paramref name="maxSamples"/> samples are kept; thread-safe.
/// </summary>
public sealed class CounterSamples(int maxSamples)
{
    private readonly Lock _lock = new();
    private readonly List<(long AtTicks, double[] Totals)> _samples = [];

    public int Count
    {
        get
        {
            lock (_lock) return _samples.Count;
        }
    }

    /// <summary>Adds the totals read at <paramref name="at"/>; samples come in time order.</summary>
    public void Add(DateTimeOffset at, params double[] totals)
    {
        lock (_lock)
            if (_samples.Count < maxSamples) _samples.Add((at.UtcTicks, totals));
    }

    /// <summary>
    /// How much each total grew between <paramref name="from"/> and <paramref name="to"/>, from the last sample at or
    /// before the start to the first at or after the end: a rise that touches the window is counted whole. Null before
    /// any sample.
    /// </summary>
    public double[]? GrowthBetween(DateTimeOffset from, DateTimeOffset to)
    {
        lock (_lock)
        {
            if (_samples.Count == 0) return null;
            var before = _samples.FindLastIndex(s => s.AtTicks <= from.UtcTicks);
            var after = _samples.FindIndex(s => s.AtTicks >= to.UtcTicks);
            var (first, last) = (_samples[Math.Max(0, before)].Totals, _samples[after < 0 ? ^1 : after].Totals);
            return [.. last.Zip(first, (l, f) => l - f)];
        }
    }

    /// <summary>The totals of the latest sample, or null before any.</summary>
    public double[]? Last()
    {
        lock (_lock) return _samples.Count == 0 ? null : _samples[^1].Totals;
    }

    /// <summary>Every sample so far, in time order.</summary>
    public IReadOnlyList<(DateTimeOffset At, double[] Totals)> Snapshot()
    {
        lock (_lock) return [.. _samples.Select(s => (new DateTimeOffset(s.AtTicks, TimeSpan.Zero), s.Totals))];
    }

    /// <summary>How much each total grew from the first sample to the last; null before any sample.</summary>
    public double[]? Growth() => GrowthBetween(DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
}
