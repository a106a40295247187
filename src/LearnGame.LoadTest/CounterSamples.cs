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
            // Samples are in time order: found by halving, since the timeline asks for each of its thousands of stretches.
            var before = FirstAfter(from.UtcTicks) - 1; // the last at or before the start
            var after = FirstAtOrAfter(to.UtcTicks); // the first at or after the end
            var (first, last) = (_samples[Math.Max(0, before)].Totals, _samples[Math.Min(after, _samples.Count - 1)].Totals);
            return [.. last.Zip(first, (l, f) => l - f)];
        }
    }

    /// <summary>The index of the first sample later than <paramref name="ticks"/> (the count when none is).</summary>
    private int FirstAfter(long ticks) => Search(ticks, strictly: true);

    /// <summary>The index of the first sample at or after <paramref name="ticks"/> (the count when none is).</summary>
    private int FirstAtOrAfter(long ticks) => Search(ticks, strictly: false);

    private int Search(long ticks, bool strictly)
    {
        var (low, high) = (0, _samples.Count);
        while (low < high)
        {
            var middle = low + (high - low) / 2;
            var at = _samples[middle].AtTicks;
            if (strictly ? at <= ticks : at < ticks) low = middle + 1;
            else high = middle;
        }
        return low;
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
