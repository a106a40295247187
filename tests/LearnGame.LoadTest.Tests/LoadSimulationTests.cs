using LearnGame.LoadTest;
using LearnGame.SimulatedLearners;
using LearnGame.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace LearnGame.LoadTest.Tests;

/// <summary>The load tool as a specification of the server's consistency: a short classroom run must PASS.</summary>
[Collection(ServerCollection.Name)]
public sealed class LoadSimulationTests(ServerFixture fixture)
{
    private LoadOptions Short(int learners, int questions, double dropShare = 0) => new()
    {
        Url = fixture.Server.BaseUrl,
        Classrooms = 1,
        Learners = learners,
        Questions = questions,
        RampUpSeconds = 0.5,
        ThinkMedianMs = 100,
        TimeLimitSeconds = 60,
        DropShare = dropShare,
        TimeoutSeconds = 120,
    };

    [Fact]
    public async Task A_classroom_of_thirty_passes_the_consistency_check_without_errors()
    {
        var result = await Simulation.RunAsync(Short(learners: 30, questions: 3));

        Assert.Empty(result.Errors);
        Assert.Empty(result.Problems);
        Assert.True(result.Passed);
        Assert.Equal(30, result.LearnersJoined);
        Assert.Equal(90, result.AnswersAcked);
        Assert.Equal(90, result.Latencies.Single(l => l.Name.StartsWith("answer ack", StringComparison.Ordinal)).Count);
        // Question by question, the fan-outs and the acknowledgements add up to the whole run's.
        Assert.Equal([1, 2, 3], result.PerQuestion.Select(q => q.Question));
        Assert.All(result.PerQuestion, q => Assert.Equal(30, q.QuestionFanOut.Count));
        Assert.All(result.PerQuestion, q => Assert.Equal(30, q.Ack.Count));
        Assert.Equal(result.Latencies.Single(l => l.Name.StartsWith("reveal", StringComparison.Ordinal)).Count, result.PerQuestion.Sum(q => q.RevealFanOut.Count));
        Assert.Contains("| 3 | ", ReportWriter.Summary(result));
        // The tool's own pause is told for every question it timed.
        Assert.All(result.PerQuestion, q => Assert.True(q.ToolPausedMs >= 0));
        // And over each whole round, the tool's and the server's (read from its /metrics), and the server's in all.
        Assert.All(result.PerQuestion, q => Assert.True(q.Round is { ToolPausedMs: >= 0, ToolJitMs: >= 0, Server: { GcPausedMs: >= 0, JitMs: >= 0 } }, $"question {q.Question}: {q.Round}"));
        Assert.True(result.ServerRuntime is { GcPausedMs: >= 0, JitMs: >= 0 }, "The server's /metrics were not read.");
        Assert.Contains("server (its /metrics): ", ReportWriter.Summary(result));
        // And read by read, for timeline.csv.
        Assert.NotEmpty(result.ServerTimeline);
        Assert.All(result.ServerTimeline, r => Assert.True(r is { ThreadPoolThreads: >= 1, ServerGcPausedMs: >= 0, ServerJitMs: >= 0, ToolPausedMs: >= 0, ToolJitMs: >= 0 }, r.ToString()));
        Assert.Contains(result.ServerTimeline, r => r.AnswersPerSecond > 0);
        Assert.Contains(result.ServerTimeline, r => r.Connections >= 30);
        var csv = ReportWriter.TimelineCsv(result.ServerTimeline).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("seconds,server_cpu_percent,answers_per_second,", csv[0]);
        Assert.Equal(result.ServerTimeline.Count + 1, csv.Length);
        // The tool's own collections are part of what was measured, and the report says so.
        Assert.True(result.Tool!.PausedMs >= 0 && result.Tool.JitMs >= 0 && result.Tool.CpuMs > 0 && result.Tool.Gen0Collections >= result.Tool.Gen1Collections);
        // Its full collection of the ramp-up's garbage, once, before the first question.
        Assert.True(result.Tool.Gen2Collections >= 1, "The tool did not collect its ramp-up garbage.");
        Assert.Contains("tool: ", ReportWriter.Summary(result));
    }

    [Fact]
    public async Task A_warm_up_game_is_played_first_against_the_same_server_and_not_counted()
    {
        var result = await Simulation.RunAsync(Short(learners: 10, questions: 2) with { WarmUpLearners = 6 });

        Assert.True(result.Passed, string.Join("; ", result.Problems.Concat(result.Errors.Keys)));
        Assert.Equal(new WarmUp(6, 2, result.WarmUp!.DurationSeconds, Passed: true, Problem: null), result.WarmUp);
        Assert.True(result.WarmUp.DurationSeconds > 0);
        // Only the measured game is measured and checked.
        Assert.Equal(10, result.LearnersJoined);
        Assert.Equal(20, result.AnswersAcked);
        Assert.Equal(20, result.Latencies.Single(l => l.Name.StartsWith("answer ack", StringComparison.Ordinal)).Count);
        Assert.Contains("after a warm-up game, not measured: 1 classroom × 6 learners, 2 questions", ReportWriter.Summary(result));
    }

    [Fact]
    public void The_warm_up_game_is_one_quick_classroom_of_two_questions_that_samples_and_writes_nothing()
    {
        var options = Short(learners: 25, questions: 3) with { Classrooms = 400, WarmUpLearners = 50, ServerPid = 1, OutDirectory = "/tmp/x", LeaderboardMs = 3000, TeamSize = 5 };
        var game = Simulation.WarmUpOptions(options);

        Assert.Equal((1, 50, 2, 0), (game.Classrooms, game.Learners, game.Questions, game.WarmUpLearners));
        Assert.Equal((0, (string?)null, (int?)null, false), (game.LeaderboardMs, game.OutDirectory, game.ServerPid, game.ServerMetrics));
        // It plays the game the measured one will: teams too.
        Assert.Equal(5, game.TeamSize);
        Assert.Null(game.Problem());
    }

    [Fact]
    public void The_tool_completes_its_sockets_inline_unless_told_otherwise_and_its_baseline_broadcaster_keeps_the_defaults()
    {
        Assert.Equal("1", ToolRuntime.ValueToSet(null));
        Assert.Null(ToolRuntime.ValueToSet("0")); // the user's choice wins
        Assert.Null(ToolRuntime.ValueToSet("1"));
        Assert.Equal(!OperatingSystem.IsWindows(), ToolRuntime.ReadsInline("1"));
        Assert.False(ToolRuntime.ReadsInline("0"));

        // Set by the tool: the broadcaster does not inherit it. Set by the user: it does.
        var broadcaster = new System.Diagnostics.ProcessStartInfo("dotnet") { Environment = { [ToolRuntime.InlineCompletionsVariable] = "1" } };
        ToolRuntime.LeaveServerDefaults(broadcaster, toolSetIt: true);
        Assert.False(broadcaster.Environment.ContainsKey(ToolRuntime.InlineCompletionsVariable));
        broadcaster = new System.Diagnostics.ProcessStartInfo("dotnet") { Environment = { [ToolRuntime.InlineCompletionsVariable] = "1" } };
        ToolRuntime.LeaveServerDefaults(broadcaster, toolSetIt: false);
        Assert.Equal("1", broadcaster.Environment[ToolRuntime.InlineCompletionsVariable]);
    }

    [Fact]
    public async Task Connections_made_from_one_shared_set_of_services_outlive_each_other()
    {
        using var hubs = new HubClients(fixture.Server.BaseUrl);
        await using var first = hubs.Create();
        await using var second = hubs.Create();
        await first.StartAsync();
        await second.StartAsync();
        Assert.Equal(TimeSpan.FromSeconds(60), second.ServerTimeout);

        // A connection disposes its services when it is disposed (a learner dropping): the others must not lose theirs.
        await first.DisposeAsync();
        await using var third = hubs.Create();
        await third.StartAsync();
        foreach (var connection in new[] { second, third })
        {
            var answer = await connection.InvokeCoreAsync<System.Text.Json.JsonElement>("Join", ["000000", "Zoé"]);
            Assert.False(answer.GetProperty("ok").GetBoolean());
            Assert.Equal(HubConnectionState.Connected, connection.State);
        }
    }

    [Fact]
    public void A_learner_has_finished_only_once_it_has_the_end_and_every_standing()
    {
        using var hubs = new HubClients(fixture.Server.BaseUrl);
        using var http = new HttpClient();
        var (carried, late) = (Room(), Room());
        Assert.Equal(4, carried.ExpectedStandings);

        // The end carries the learner's last standing: counted with it, the learner has finished.
        var learner = carried.Learners.Single();
        for (var i = 0; i < carried.ExpectedStandings - 1; i++) learner.ReceivedStanding();
        learner.ReceivedEnded(new RankingArrival(new OwnStanding(1)));
        Assert.Equal(1, carried.FinishedLearners);
        learner.ReceivedStanding();
        Assert.Equal(1, carried.FinishedLearners);

        // An end without the learner's standing does not finish it; the standing, once there, does.
        learner = late.Learners.Single();
        for (var i = 0; i < late.ExpectedStandings - 1; i++) learner.ReceivedStanding();
        learner.ReceivedEnded(new RankingArrival(null));
        Assert.Equal(0, late.FinishedLearners);
        learner.ReceivedStanding();
        Assert.Equal(1, late.FinishedLearners);

        SimulatedClassroom Room() => new(0, Short(learners: 1, questions: 2), new Measurements(), http, hubs, CancellationToken.None);
    }

    [Fact]
    public async Task Learners_that_drop_and_rejoin_with_their_seat_token_lose_nothing()
    {
        var result = await Simulation.RunAsync(Short(learners: 10, questions: 3, dropShare: 1));

        Assert.Empty(result.Errors);
        Assert.Empty(result.Problems);
        Assert.Equal(10, result.LearnersRejoined);
        Assert.Equal(30, result.AnswersAcked);
    }

    [Fact]
    public async Task A_classroom_in_teams_of_four_voting_by_consensus_passes_the_consistency_check()
    {
        var result = await Simulation.RunAsync(Short(learners: 12, questions: 2) with { TeamSize = 4, Consensus = true, ServerMetrics = false });

        Assert.Empty(result.Errors);
        Assert.Empty(result.Problems);
        Assert.Equal(24, result.AnswersAcked);
        // Told not to read the server's /metrics (--no-server-metrics), the tool claims nothing of its pauses.
        Assert.Null(result.ServerRuntime);
        Assert.All(result.PerQuestion, q => Assert.Null(q.Round!.Server));
    }

    [Fact]
    public async Task The_baseline_broadcaster_delivers_every_message_to_every_raw_client()
    {
        var result = await Baseline.RunAsync(new LoadOptions { Classrooms = 2, Learners = 10, TimeoutSeconds = 60 });

        Assert.Equal(20, result.Connections);
        Assert.Equal(20L * result.Broadcasts, result.MessagesReceived);
        Assert.Equal(result.MessagesReceived, result.FanOut.Count);
    }

    [Fact]
    public void Only_loopback_servers_are_targeted_unless_allowed()
    {
        Assert.NotNull(LoadOptions.Parse(["--url", "http://192.0.2.10:5080"]).Error);
        Assert.NotNull(LoadOptions.Parse(["--url", "http://example.org"]).Error);
        Assert.Null(LoadOptions.Parse(["--url", "http://192.0.2.10:5080", "--allow-remote"]).Error);
        Assert.Null(LoadOptions.Parse(["--url", "http://127.0.0.1:5080", "--classrooms", "40", "--learners", "25", "--questions", "10"]).Error);
        Assert.Null(LoadOptions.Parse(["--url", "http://[::1]:5080"]).Error);
        Assert.True(LoadOptions.Parse(["--baseline"]).Options!.Baseline);
    }

    [Fact]
    public void By_default_every_classroom_fills_near_the_end_of_the_ramp_up_and_in_turn_one_after_the_other()
    {
        var interleaved = LoadOptions.Parse(["--classrooms", "4", "--learners", "3", "--ramp-up", "12"]).Options!;
        var inTurn = LoadOptions.Parse(["--classrooms", "4", "--learners", "3", "--ramp-up", "12", "--fill-in-turn"]).Options!;

        // 12 learners over 12 s: one a second either way.
        Assert.Equal(
            Enumerable.Range(0, 12).Select(s => TimeSpan.FromSeconds(s)),
            Enumerable.Range(0, 4).SelectMany(r => Enumerable.Range(0, 3).Select(l => interleaved.JoinDelay(r, l))).Order());
        // Taking turns, each classroom's last learner joins in the last 4 s; in turn, classroom r is full after 3r + 2 s.
        Assert.Equal([8, 9, 10, 11], Enumerable.Range(0, 4).Select(r => interleaved.JoinDelay(r, 2).TotalSeconds));
        Assert.Equal([2, 5, 8, 11], Enumerable.Range(0, 4).Select(r => inTurn.JoinDelay(r, 2).TotalSeconds));
        Assert.Equal(TimeSpan.FromSeconds(3), inTurn.JoinDelay(1, 0));
    }

    [Fact]
    public void Wrong_arguments_are_refused_with_a_message()
    {
        Assert.Contains("Unknown option", LoadOptions.Parse(["--learnrs", "3"]).Error);
        Assert.NotNull(LoadOptions.Parse(["--learners"]).Error);
        Assert.NotNull(LoadOptions.Parse(["--drop-share", "1.5"]).Error);
        Assert.NotNull(LoadOptions.Parse(["--questions", "0"]).Error);
        Assert.NotNull(LoadOptions.Parse(["--team-size", "1"]).Error);
        Assert.NotNull(LoadOptions.Parse(["--consensus"]).Error);
        Assert.Null(LoadOptions.Parse(["--team-size", "5", "--consensus"]).Error);
        Assert.Contains("--leaderboard-ms", LoadOptions.Parse(["--leaderboard-ms", "-1"]).Error);
        Assert.Equal(3000, LoadOptions.Parse(["--leaderboard-ms", "3000"]).Options!.LeaderboardMs);
        Assert.Contains("--reveal-ms", LoadOptions.Parse(["--reveal-ms", "-5"]).Error);
        Assert.Equal(2500, LoadOptions.Parse(["--reveal-ms", "2500"]).Options!.RevealMs);
        Assert.True(LoadOptions.Parse([]).Options!.ServerMetrics);
        Assert.False(LoadOptions.Parse(["--no-server-metrics"]).Options!.ServerMetrics);
        Assert.Equal(0, LoadOptions.Parse([]).Options!.WarmUpLearners);
        Assert.Equal(50, LoadOptions.Parse(["--warm-up", "50"]).Options!.WarmUpLearners);
        Assert.Contains("--warm-up", LoadOptions.Parse(["--warm-up", "-1"]).Error);
    }
}
