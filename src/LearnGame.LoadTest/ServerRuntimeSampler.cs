using System.Globalization;

namespace LearnGame.LoadTest;

/// <summary>
/// Reads the server's own metrics from its Prometheus text (<c>/metrics</c>) twice a second during the run: the time its
/// collections paused it and the time it spent compiling (JIT), so that the report can tell, question by question, how
/// much of a latency was the server stopped or compiling rather than doing the game's work; and, for a timeline of the
/// run (<c>timeline.csv</c>), its CPU, answers, events, connections, thread pool and shared transactions. The server's
/// exporter builds the whole text for each read (about 50 KB at 10,000 learners); twice a second is little beside a
/// run's load, and <c>--no-server-metrics</c> leaves it out.
/// </summary>
public sealed class ServerRuntimeSampler : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// The metrics read, in the order of each sample's values: the first <see cref="Required"/> (seconds, as .NET's
    /// System.Runtime meter exports them) must be there; the others (LearnGame's own, .NET's CPU and thread pool) are
    /// NaN when missing. Each is summed over its label sets.
    /// </summary>
    public static readonly IReadOnlyList<string> Metrics =
    [
        "dotnet_gc_pause_time_seconds_total", "dotnet_jit_compilation_time_seconds_total", "dotnet_process_cpu_time_seconds_total",
        "learngame_answers_total", "learngame_relay_events_total", "learngame_connections",
        "dotnet_thread_pool_thread_count_total", "dotnet_thread_pool_queue_length_total",
        "learngame_storage_transaction_duration_milliseconds_count", "learngame_storage_transaction_duration_milliseconds_sum",
        "learngame_storage_transaction_updates_sum",
    ];

    public const int Required = 2;
    private const int GcPause = 0, Jit = 1, Cpu = 2, Answers = 3, Events = 4, Connections = 5, PoolThreads = 6, PoolQueue = 7,
        Transactions = 8, TransactionMs = 9, TransactionUpdates = 10;

    private readonly HttpClient _http;
    private readonly Uri _metrics;
    private readonly CounterSamples _samples = new(PauseTimeline.MaxSamples);
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;
    private int _disposed;

    private readonly Func<DateTimeOffset> _now;

    /// <summary>Reads only when <see cref="SampleAsync"/> is called, at the times <paramref name="now"/> gives (tests).</summary>
    internal ServerRuntimeSampler(HttpClient http, Uri server, Func<DateTimeOffset>? now = null)
    {
        _http = http;
        _metrics = new Uri(server, "/metrics");
        _now = now ?? (() => DateTimeOffset.UtcNow);
    }

    /// <summary>Reads <paramref name="server"/>'s <c>/metrics</c> once (the start of the run), then every <see cref="Interval"/> until disposed.</summary>
    public static async Task<ServerRuntimeSampler> StartAsync(HttpClient http, Uri server)
    {
        var sampler = new ServerRuntimeSampler(http, server);
        await sampler.SampleAsync(CancellationToken.None);
        sampler._loop = Task.Run(sampler.LoopAsync);
        return sampler;
    }

    /// <summary>True once a read gave the counters: the server exports .NET's runtime metrics at <c>/metrics</c>.</summary>
    public bool Available => _samples.Count > 0;

    /// <summary>The server's collection pause and JIT time within a stretch of the run (a read that touches it counted whole), or null.</summary>
    public ServerRuntime? Between(DateTimeOffset from, DateTimeOffset to) => Runtime(_samples.GrowthBetween(from, to));

    /// <summary>The same over the whole run (from the first read to the last).</summary>
    public ServerRuntime? Whole() => Runtime(_samples.Growth());

    private static ServerRuntime? Runtime(double[]? growth) =>
        growth is null ? null : new ServerRuntime(Math.Round(growth[GcPause] * 1000, 1), Math.Round(growth[Jit] * 1000, 1));

    /// <summary>
    /// The run read by read: for each read after the first, what happened since the one before (rates per second, times
    /// in milliseconds; the server's gauges as read), with the tool's own pause over the same stretch when
    /// <paramref name="tool"/> is given. Seconds count from <paramref name="runStart"/>.
    /// </summary>
    public IReadOnlyList<TimelineRow> Timeline(DateTimeOffset runStart, PauseTimeline? tool = null)
    {
        var samples = _samples.Snapshot();
        var rows = new List<TimelineRow>(Math.Max(0, samples.Count - 1));
        for (var i = 1; i < samples.Count; i++)
        {
            var (from, before) = samples[i - 1];
            var (to, now) = samples[i];
            var seconds = (to - from).TotalSeconds;
            if (seconds <= 0) continue;
            // A counter appears in the text once first counted: before that, it stood at 0.
            double Grew(int k) => double.IsNaN(before[k]) && !double.IsNaN(now[k]) ? now[k] : now[k] - before[k];
            double? Rate(int k) => Known(Grew(k)) / seconds;
            double? Gauge(int k) => Known(now[k]);
            var transactions = Grew(Transactions);
            rows.Add(new TimelineRow(
                Math.Round((to - runStart).TotalSeconds, 1),
                Round(Rate(Cpu) * 100),
                Round(Rate(Answers)),
                Round(Rate(Events)),
                Round(Gauge(Connections)),
                Math.Round((now[GcPause] - before[GcPause]) * 1000, 1),
                Math.Round((now[Jit] - before[Jit]) * 1000, 1),
                Round(Gauge(PoolThreads)),
                Round(Gauge(PoolQueue)),
                Round(Rate(Transactions)),
                transactions > 0 ? Round(Known(Grew(TransactionMs)) / transactions) : null,
                transactions > 0 ? Round(Known(Grew(TransactionUpdates)) / transactions) : null,
                tool?.PausedMsBetween(from, to),
                tool?.JitMsBetween(from, to)));
        }
        return rows;

        static double? Known(double value) => double.IsNaN(value) ? null : value;
        static double? Round(double? value) => value is { } v ? Math.Round(v, 1) : null;
    }

    /// <summary>
    /// The values of <see cref="Metrics"/> in Prometheus text, each summed over its label sets; NaN for an optional one
    /// that is missing. Null when a required one is missing (not a server exporting .NET's runtime metrics).
    /// </summary>
    public static double[]? Read(string prometheusText)
    {
        var totals = new double[Metrics.Count];
        var found = new bool[Metrics.Count];
        foreach (var range in prometheusText.AsSpan().Split('\n'))
        {
            var line = prometheusText.AsSpan(range).TrimEnd('\r');
            if (line.IsEmpty || line[0] == '#') continue;
            for (var i = 0; i < Metrics.Count; i++)
            {
                if (!line.StartsWith(Metrics[i], StringComparison.Ordinal)) continue;
                var rest = line[Metrics[i].Length..];
                if (rest.IsEmpty || rest[0] is not ('{' or ' ')) continue; // another metric whose name starts the same
                if (rest[0] == '{')
                {
                    var close = rest.LastIndexOf('}');
                    if (close < 0) continue;
                    rest = rest[(close + 1)..];
                }
                rest = rest.TrimStart(' ');
                var end = rest.IndexOf(' ');
                if (double.TryParse(end < 0 ? rest : rest[..end], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    totals[i] += value;
                    found[i] = true;
                }
            }
        }
        if (found.Take(Required).Any(f => !f)) return null;
        for (var i = Required; i < Metrics.Count; i++)
            if (!found[i]) totals[i] = double.NaN;
        return totals;
    }

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token)) await SampleAsync(_stop.Token);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    internal async Task SampleAsync(CancellationToken stop)
    {
        try
        {
            using var patience = CancellationTokenSource.CreateLinkedTokenSource(stop);
            patience.CancelAfter(TimeSpan.FromSeconds(5));
            var text = await _http.GetStringAsync(_metrics, patience.Token);
            // The exporter may answer two close reads with the same text (it keeps its last for a moment): a read where
            // nothing moved, not even the CPU time, is that copy, and would count as a stretch where nothing happened.
            if (Read(text) is { } totals && !SameAsLast(totals)) _samples.Add(_now(), totals);
        }
        catch (HttpRequestException)
        {
        }
        catch (OperationCanceledException) when (!stop.IsCancellationRequested)
        {
        }
    }

    private bool SameAsLast(double[] totals) =>
        _samples.Last() is { } last && last.AsSpan().SequenceEqual(totals);

    /// <summary>Stops reading, after a last read (the end of the run): what was read stays readable.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _stop.Cancel();
        await _loop;
        _stop.Dispose();
        await SampleAsync(CancellationToken.None);
    }
}

/// <summary>What the server spent stopped by its collections and compiling (JIT), in milliseconds, read from its /metrics.</summary>
public sealed record ServerRuntime(double GcPausedMs, double JitMs);

/// <summary>
/// One stretch of the run between two reads of the server's /metrics (about half a second), ending
/// <see cref="Seconds"/> after the run's start: the server's CPU (100 = one core), answers acknowledged and events
/// relayed per second, connections, time paused by its collections and compiling (ms), thread-pool threads and queued
/// work items, shared transactions per second with their mean time (ms) and updates; the tool's own pause and
/// compiling (ms). Null where the server does not export it.
/// </summary>
public sealed record TimelineRow(double Seconds, double? ServerCpuPercent, double? AnswersPerSecond, double? EventsPerSecond, double? Connections,
    double ServerGcPausedMs, double ServerJitMs, double? ThreadPoolThreads, double? ThreadPoolQueue, double? TransactionsPerSecond,
    double? MeanTransactionMs, double? MeanUpdatesPerTransaction, double? ToolPausedMs, double? ToolJitMs = null);
