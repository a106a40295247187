using System.Net.Http.Json;
using System.Text.Json;
using LearnGame.Domain.Questions;
using LearnGame.Grains.Abstractions.Sessions;
using LearnGame.Testing;

namespace LearnGame.ClusterTests;

[Collection(PostgresCollection.Name)]
public sealed class FaultTests(PostgresServer postgres)
{
    /// <summary>How long a silo's death may take to be noticed and its sessions to resume elsewhere.</summary>
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Killing_the_silo_that_hosts_a_session_mid_question_loses_no_acknowledged_answer()
    {
        await using var cluster = await Cluster.Start(postgres, 2);
        var (survivor, doomed) = (cluster.Silos[0], cluster.Silos[1]);
        var (created, trainer, learners) = await MidQuestion(survivor, doomed);
        await using var _ = trainer;

        doomed.Kill();

        // Learners of the dead silo come back through the survivor with their seat tokens.
        await RejoinThrough(survivor, created, learners);
        var again = await learners[2].Rejoin(created.SessionId, learners[2].SeatToken);
        Assert.True(again.Ok, $"{again.Error}: {again.Message}");
        Assert.Equal("before-2", again.Snapshot!.You!.AnswerId);
        // A retry of an answer acknowledged before the crash is recognised, not counted twice.
        Assert.True((await AfterRecovery(() => learners[0].Answer(0, new Answer { Choices = [1] }, "before-0"), a => a.Ok)).Repeat);
        await AfterRecovery(() => learners[1].Answer(0, new Answer { Choices = [1] }, "after-1"), a => a.Ok);
        await AfterRecovery(() => learners[3].Answer(0, new Answer { Choices = [3] }, "after-3"), a => a.Ok);

        await AfterRecovery(() => trainer.Do("Reveal"), r => r.Ok);
        var reveal = (await trainer.WaitForReveal(0)).Payload;
        Assert.Equal(4, reveal.GetProperty("answeredCount").GetInt32());
        Assert.Equal(2, reveal.GetProperty("correctCount").GetInt32());

        await AssertEachAnsweredOnce(survivor, created);
        foreach (var l in learners) await l.DisposeAsync();
    }

    [Fact]
    public async Task A_silo_stopped_gracefully_hands_its_session_over_and_its_learners_rejoin_through_another()
    {
        await using var cluster = await Cluster.Start(postgres, 2);
        var (survivor, leaving) = (cluster.Silos[0], cluster.Silos[1]);
        var (created, trainer, learners) = await MidQuestion(survivor, leaving);
        await using var _ = trainer;

        // A rolling restart: SIGTERM, and the server stops by itself, cleanly.
        var stopping = System.Diagnostics.Stopwatch.StartNew();
        Assert.Equal(0, await leaving.Terminate(TimeSpan.FromSeconds(45)));
        Assert.Contains("Application is shutting down", leaving.Output);
        Assert.DoesNotContain("Unhandled exception", leaving.Output);

        // Its learners come back through the other silo with their seat tokens; their answers are still there.
        var rejoined = await RejoinThrough(survivor, created, learners);
        Assert.Equal(["before-2", null], rejoined.Select(r => r.Snapshot!.You!.AnswerId));
        // The session moved at once: no failure detection to wait for after a graceful stop.
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(30), $"The hand-over took {stopping.Elapsed}.");

        Assert.True((await learners[2].Answer(0, new Answer { Choices = [2] }, "before-2")).Repeat);
        Assert.True((await learners[1].Answer(0, new Answer { Choices = [1] }, "after-1")).Ok);
        Assert.True((await learners[3].Answer(0, new Answer { Choices = [3] }, "after-3")).Ok);
        Assert.True((await trainer.Do("Reveal")).Ok);
        var reveal = (await trainer.WaitForReveal(0)).Payload;
        Assert.Equal(4, reveal.GetProperty("answeredCount").GetInt32());
        Assert.Equal(2, reveal.GetProperty("correctCount").GetInt32());
        // Learners who were on the stopped silo hear the rest of the game from the survivor.
        await learners[3].WaitForResult(0);

        await AssertEachAnsweredOnce(survivor, created);
        foreach (var l in learners) await l.DisposeAsync();
    }

    /// <summary>
    /// A session created through <paramref name="hosting"/> (so its grain lives there), its trainer on the survivor, two
    /// learners on each silo, the first question open and answered by learners 0 (right) and 2 (wrong).
    /// </summary>
    private static async Task<(TrainerApi.Created Created, GameClient Trainer, List<GameClient> Learners)> MidQuestion(ServerProcess survivor, ServerProcess hosting)
    {
        var created = await TrainerApi.CreateSession(hosting.Endpoint, new { quiz = System.Text.Json.Nodes.JsonNode.Parse(LearnGame.Domain.Quizzes.QuizJson.Write(TestQuizzes.Short())), options = new { closeWhenAllAnswered = false } });
        var trainer = await GameClient.Connect(survivor.Endpoint);
        Assert.True((await trainer.Host(created.SessionId, created.HostToken)).Ok);
        var learners = new List<GameClient>();
        for (var i = 0; i < 4; i++)
        {
            var learner = await GameClient.Connect(i < 2 ? survivor.Endpoint : hosting.Endpoint);
            var joined = await learner.Join(created.JoinCode, $"Learner {i}");
            Assert.True(joined.Ok, joined.Message);
            (learner.SeatId, learner.SeatToken, learner.SessionId) = (joined.SeatId, joined.SeatToken, created.SessionId);
            learners.Add(learner);
        }
        Assert.True((await trainer.Do("Start")).Ok);
        foreach (var l in learners) await l.WaitForQuestion(0);
        Assert.True((await learners[0].Answer(0, new Answer { Choices = [1] }, "before-0")).Ok);
        Assert.True((await learners[2].Answer(0, new Answer { Choices = [2] }, "before-2")).Ok);
        return (created, trainer, learners);
    }

    /// <summary>Learners 2 and 3, who were on the other silo, come back through the survivor with their seat tokens.</summary>
    private static async Task<List<JoinResult>> RejoinThrough(ServerProcess survivor, TrainerApi.Created created, List<GameClient> learners)
    {
        var results = new List<JoinResult>();
        for (var i = 2; i < 4; i++)
        {
            var back = await GameClient.Connect(survivor.Endpoint);
            var rejoined = await AfterRecovery(() => back.Rejoin(created.SessionId, learners[i].SeatToken), r => r.Ok);
            Assert.True(rejoined.Ok, $"{rejoined.Error}: {rejoined.Message}");
            Assert.Equal(learners[i].SeatId, rejoined.SeatId);
            (back.SeatId, back.SeatToken, back.SessionId) = (learners[i].SeatId, learners[i].SeatToken, created.SessionId);
            await learners[i].DisposeAsync();
            learners[i] = back;
            results.Add(rejoined);
        }
        return results;
    }

    /// <summary>The report, read through the survivor, counts every learner's one answer exactly once.</summary>
    private static async Task AssertEachAnsweredOnce(ServerProcess survivor, TrainerApi.Created created)
    {
        using var http = survivor.Endpoint.CreateHttpClient();
        http.DefaultRequestHeaders.Add("X-Host-Token", created.HostToken);
        var report = await http.GetFromJsonAsync<JsonElement>($"/api/sessions/{created.SessionId}/report");
        Assert.Equal([1, 1, 1, 1], report.GetProperty("learners").EnumerateArray().Select(l => l.GetProperty("answeredCount").GetInt32()).ToList());
    }

    /// <summary>Retries a call until its result satisfies <paramref name="done"/>; calls fail while the cluster notices the dead silo.</summary>
    private static Task<T> AfterRecovery<T>(Func<Task<T>> call, Func<T, bool> done) =>
        Eventually.Retrying(call, done, "the cluster answers again", Recovery, perCall: TimeSpan.FromSeconds(15));
}
