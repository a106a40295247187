using System.Globalization;
using LearnGame.LoadTest;
using LearnGame.Testing;

namespace LearnGame.FunctionalTests.Hosting;

/// <summary>/metrics: Prometheus text with LearnGame's instruments, fed by a real game.</summary>
[Collection(ServerCollection.Name)]
public sealed class MetricsTests(ServerFixture fixture)
{
    [Fact]
    public async Task After_a_short_game_metrics_show_connections_sessions_answers_fan_out_and_storage_writes()
    {
        var game = await Simulation.RunAsync(new LoadOptions
        {
            Url = fixture.Server.BaseUrl, Classrooms = 1, Learners = 5, Questions = 2, RampUpSeconds = 0, ThinkMedianMs = 50, TimeoutSeconds = 60,
        });
        Assert.True(game.Passed);

        using var http = fixture.Server.CreateHttpClient();
        var text = await http.GetStringAsync("/metrics");

        foreach (var name in new[]
        {
            "learngame_connections", "learngame_sessions_active", "learngame_answers_total",
            "learngame_fanout_duration_milliseconds_bucket", "learngame_storage_write_duration_milliseconds_bucket",
            "learngame_storage_commit_batch_bucket", "learngame_storage_transaction_updates_bucket",
            "learngame_storage_transaction_duration_milliseconds_bucket", "learngame_storage_update_wait_duration_milliseconds_bucket",
            "learngame_storage_provider_duration_milliseconds_bucket",
            // .NET's own runtime meter.
            "dotnet_gc_collections_total", "dotnet_jit_compilation_time_seconds_total",
        })
            Assert.Contains(name, text);
        // Every answer the game had acknowledged is counted (other tests of the shared server may add more).
        var answers = text.Split('\n').Single(l => l.StartsWith("learngame_answers_total", StringComparison.Ordinal));
        Assert.True(double.Parse(answers.Split(' ')[1], CultureInfo.InvariantCulture) >= game.AnswersAcked);
        Assert.Equal(10, game.AnswersAcked);
    }
}
