using System.Globalization;

namespace LearnGame.LoadTest;

/// <summary>
/// Reads the server's own runtime counters from its Prometheus text (<c>/metrics</c>) twice a second during the run: the
/// time its collections paused it and the time it spent compiling (JIT), so that the report can tell, question by
/// question, how much of a latency was the server stopped or compiling rather than doing the game's work. The server's
/// exporter builds the whole text for each read (about 50 KB at 10,000 learners); twice a second is little beside a
/// run's load, and <c>--no-server-metrics</c> leaves it out.
/// </summary>
public sealed class ServerRuntimeSampler : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    /// <summary>The counters read, in the order of each sample's totals (seconds, as .NET's System.Runtime meter exports them).</summary>
    public static readonly IReadOnlyList<string> Counters = ["dotnet_gc_pause_time_seconds_total", "dotnet_jit_compilation_time_seconds_total"];

    private readonly HttpClient _http;
    private readonly Uri _metrics;
    private readonly CounterSamples _samples = new(PauseTimeline.MaxSamples);
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;
    private int _disposed;

    private ServerRuntimeSampler(HttpClient http, Uri server)
    {
        _http = http;
        _metrics = new Uri(server, "/metrics");
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
        growth is [var paused, var jit] ? new ServerRuntime(Math.Round(paused * 1000, 1), Math.Round(jit * 1000, 1)) : null;

    /// <summary>
    /// The totals of <see cref="Counters"/> in Prometheus text: each one's values summed over its label sets. Null when
    /// one of them is missing (not a server exporting .NET's runtime metrics).
    /// </summary>
    public static double[]? Read(string prometheusText)
    {
        var totals = new double[Counters.Count];
        var found = new bool[Counters.Count];
        foreach (var range in prometheusText.AsSpan().Split('\n'))
        {
            var line = prometheusText.AsSpan(range).TrimEnd('\r');
            if (line.IsEmpty || line[0] == '#') continue;
            for (var i = 0; i < Counters.Count; i++)
            {
                if (!line.StartsWith(Counters[i], StringComparison.Ordinal)) continue;
                var rest = line[Counters[i].Length..];
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
        return found.All(f => f) ? totals : null;
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

    private async Task SampleAsync(CancellationToken stop)
    {
        try
        {
            using var patience = CancellationTokenSource.CreateLinkedTokenSource(stop);
            patience.CancelAfter(TimeSpan.FromSeconds(5));
            var text = await _http.GetStringAsync(_metrics, patience.Token);
            if (Read(text) is { } totals) _samples.Add(DateTimeOffset.UtcNow, totals);
        }
        catch (HttpRequestException)
        {
        }
        catch (OperationCanceledException) when (!stop.IsCancellationRequested)
        {
        }
    }

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
