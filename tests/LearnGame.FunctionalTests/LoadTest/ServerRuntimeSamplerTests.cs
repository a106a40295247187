using System.Net;
using System.Text;
using LearnGame.LoadTest;

namespace LearnGame.FunctionalTests.LoadTest;

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

        Assert.Equal(new[] { 2.544217, 8.4679836 }, ServerRuntimeSampler.Read(text)!, new DoubleTolerance(1e-9));
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
        var (now, paused) = (T0, TimeSpan.Zero);
        var pauses = new PauseTimeline(() => paused, () => now);
        for (var ms = 0; ms <= 100; ms += 10)
        {
            now = T0.AddMilliseconds(ms);
            paused = TimeSpan.FromMilliseconds((ms >= 30 ? 40 : 0) + (ms >= 70 ? 5 : 0));
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
        Assert.All(perQuestion, q => Assert.Null(q.Round!.Server));
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
