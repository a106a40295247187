using System.Net;
using System.Text;
using LearnGame.LoadTest;

namespace LearnGame.LoadTest.Tests;

/// <summary>The server's own pauses and compiling, read from its /metrics, so that a tail of the server's runtime is told from the game's work.</summary>
public sealed class ServerRuntimeSamplerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    private static string Metrics(double gcPause, double jit) => $$"""
        # TYPE dotnet_gc_pause_time_seconds_total counter
        # HELP dotnet_gc_pause_time_seconds_total The total amount of time paused in GC since the process has started.
        dotnet_gc_pause_time_seconds_total{otel_scope_name="System.Runtime"} {{gcPause.ToString(System.Globalization.CultureInfo.InvariantCulture)}}
        dotnet_gc_pause_time_seconds_total_other{otel_scope_name="System.Runtime"} 1000
        dotnet_jit_compilation_time_seconds_total{otel_scope_name="System.Runtime",note="a } and spaces"} {{jit.ToString(System.Globalization.CultureInfo.InvariantCulture)}} 1765108800000
        learngame_connections{otel_scope_name="LearnGame"} 30
        """;

    [Fact]
    public void Each_counter_is_read_from_its_own_lines_whatever_their_labels_and_summed_over_them()
    {
        var text = Metrics(2.044217, 8.4679836) + "\ndotnet_gc_pause_time_seconds_total{otel_scope_name=\"Other\"} 0.5\r\n";

        Assert.Equal(new[] { 2.544217, 8.4679836 }, ServerRuntimeSampler.Read(text)!.Take(ServerRuntimeSampler.Required), new DoubleTolerance(1e-9));
    }

    [Theory]
    [InlineData("")]
    [InlineData("learngame_connections 30\n")]
    [InlineData("dotnet_gc_pause_time_seconds_total 1.5\n")] // no JIT time: not .NET's runtime meter
    [InlineData("<html>Not found</html>")]
    public void Text_without_both_counters_is_not_read(string text)
    {
        Assert.Null(ServerRuntimeSampler.Read(text));
    }

    [Fact]
    public async Task The_whole_run_is_what_the_counters_grew_by_from_the_first_read_to_the_last_in_milliseconds()
    {
        var server = new MetricsHandler { Text = Metrics(1.0, 2.0) };
        using var http = new HttpClient(server);
        var sampler = await ServerRuntimeSampler.StartAsync(http, new Uri("http://127.0.0.1:5080"));
        Assert.True(sampler.Available);

        server.Text = Metrics(1.25, 2.5);
        await sampler.DisposeAsync(); // its last read

        Assert.Equal(new ServerRuntime(250, 500), sampler.Whole());
        Assert.Equal("/metrics", server.LastPath);
    }

    [Fact]
    public async Task A_server_without_runtime_metrics_gives_none()
    {
        var server = new MetricsHandler { Text = "Not found", Status = HttpStatusCode.NotFound };
        using var http = new HttpClient(server);
        var sampler = await ServerRuntimeSampler.StartAsync(http, new Uri("http://127.0.0.1:5080"));
        await sampler.DisposeAsync();

        Assert.False(sampler.Available);
        Assert.Null(sampler.Whole());
        Assert.Null(sampler.Between(T0, T0.AddSeconds(1)));
    }

    [Fact]
    public void A_round_lasts_from_its_first_send_to_its_last_acknowledgement_or_reveal()
    {
        // The tool paused 40 ms between 20 and 30 ms, 5 ms between 60 and 70 (samples every 10 ms).
        // It compiled 1 ms in each 10 ms.
        var (now, paused, jit) = (T0, TimeSpan.Zero, TimeSpan.Zero);
        var pauses = new PauseTimeline(() => paused, () => now, () => jit);
        for (var ms = 0; ms <= 100; ms += 10)
        {
            now = T0.AddMilliseconds(ms);
            paused = TimeSpan.FromMilliseconds((ms >= 30 ? 40 : 0) + (ms >= 70 ? 5 : 0));
            jit = TimeSpan.FromMilliseconds(ms / 10);
            pauses.Sample();
        }
        var m = new Measurements();
        m.QuestionReceived(0, T0.AddMilliseconds(10), T0.AddMilliseconds(15));
        m.AnswerAcknowledged(0, TimeSpan.FromMilliseconds(3), T0.AddMilliseconds(50));
        m.QuestionReceived(1, T0.AddMilliseconds(40), T0.AddMilliseconds(45));
        m.RevealReceived(1, TimeSpan.FromMilliseconds(2), T0.AddMilliseconds(75));

        var perQuestion = m.PerQuestion(pauses);

        // Question 1's fan-out saw neither pause; its round, up to the acknowledgement at 50 ms, the first.
        Assert.Equal([0.0, 0.0], perQuestion.Select(q => q.ToolPausedMs));
        Assert.Equal([40.0, 5.0], perQuestion.Select(q => q.Round!.ToolPausedMs));
        // Rounds from 10 to 50 ms and from 40 to 80 ms: 4 ms of compiling each.
        Assert.Equal([4.0, 4.0], perQuestion.Select(q => q.Round!.ToolJitMs));
        Assert.All(perQuestion, q => Assert.Null(q.Round!.Server));
    }

    [Fact]
    public void Optional_metrics_the_server_does_not_export_are_not_a_number_and_the_others_are_read()
    {
        var values = ServerRuntimeSampler.Read(Metrics(1, 2))!;

        Assert.Equal(ServerRuntimeSampler.Metrics.Count, values.Length);
        Assert.Equal(30, values[ServerRuntimeSampler.Metrics.ToList().IndexOf("learngame_connections")]);
        Assert.True(double.IsNaN(values[ServerRuntimeSampler.Metrics.ToList().IndexOf("learngame_answers_total")]));
    }

    private static string I(double value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Busy(double seconds, double answers, double queue, double transactions, double transactionMs, double updates) =>
        Metrics(0.1 * seconds, 0.2 * seconds) + $$"""

        dotnet_process_cpu_time_seconds_total{otel_scope_name="System.Runtime",cpu_mode="user"} {{I(1.2 * seconds)}}
        dotnet_process_cpu_time_seconds_total{otel_scope_name="System.Runtime",cpu_mode="system"} {{I(0.3 * seconds)}}
        learngame_answers_total{otel_scope_name="LearnGame"} {{I(answers)}}
        learngame_relay_events_total{otel_scope_name="LearnGame",event="question"} {{I(answers / 10)}}
        learngame_relay_events_total{otel_scope_name="LearnGame",event="reveal"} {{I(answers / 10)}}
        dotnet_thread_pool_thread_count_total{otel_scope_name="System.Runtime"} 4
        dotnet_thread_pool_queue_length_total{otel_scope_name="System.Runtime"} {{I(queue)}}
        learngame_storage_transaction_duration_milliseconds_count{otel_scope_name="LearnGame.Storage"} {{I(transactions)}}
        learngame_storage_transaction_duration_milliseconds_sum{otel_scope_name="LearnGame.Storage"} {{I(transactionMs)}}
        learngame_storage_transaction_updates_sum{otel_scope_name="LearnGame.Storage"} {{I(updates)}}
        """;

    [Fact]
    public async Task The_timeline_gives_each_stretch_between_two_reads_as_rates_times_and_gauges()
    {
        var now = T0;
        var server = new MetricsHandler();
        using var http = new HttpClient(server);
        var sampler = new ServerRuntimeSampler(http, new Uri("http://127.0.0.1:5080"), () => now);
        // Before its first answer the server does not export its answer count: it counts from 0.
        server.Text = Metrics(0, 0) + $"\ndotnet_process_cpu_time_seconds_total 0\ndotnet_thread_pool_queue_length_total 0\ndotnet_thread_pool_thread_count_total 4\n";
        await sampler.SampleAsync(CancellationToken.None);
        foreach (var (seconds, answers, queue, transactions, transactionMs, updates) in new[] { (2, 1000, 30, 100, 500, 1000), (3, 1000, 0, 100, 500, 1000) })
        {
            now = T0.AddSeconds(seconds);
            server.Text = Busy(seconds, answers, queue, transactions, transactionMs, updates);
            await sampler.SampleAsync(CancellationToken.None);
        }

        now = T0.AddSeconds(3.1);
        await sampler.SampleAsync(CancellationToken.None); // the exporter's same text again: not a stretch of its own

        var rows = sampler.Timeline(T0.AddSeconds(-1));

        Assert.Equal(2, rows.Count);
        // 0 → 2 s: 1.5 s of CPU a second, 500 answers and 100 events a second, 200 ms paused and 400 ms compiling in
        // the stretch, 50 transactions a second of 5 ms and 10 updates each; the gauges as read at its end.
        Assert.Equal(new TimelineRow(3, 150, 500, 100, 30, 200, 400, 4, 30, 50, 5, 10, null), rows[0]);
        // 2 → 3 s: nothing stored, so no transaction time to tell.
        Assert.Equal(new TimelineRow(4, 150, 0, 0, 30, 100, 200, 4, 0, 0, null, null, null), rows[1]);
    }

    private sealed class MetricsHandler : HttpMessageHandler
    {
        public volatile string Text = "";
        public HttpStatusCode Status { get; init; } = HttpStatusCode.OK;
        public string? LastPath { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            LastPath = request.RequestUri!.AbsolutePath;
            return Task.FromResult(new HttpResponseMessage(Status) { Content = new StringContent(Text, Encoding.UTF8, "text/plain") });
        }
    }

    private sealed class DoubleTolerance(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;
        public int GetHashCode(double obj) => 0;
    }
}
