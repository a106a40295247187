using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using LearnGame.Domain.Questions;
using LearnGame.Domain.Quizzes;
using LearnGame.Grains.Abstractions.Sessions;
using LearnGame.Testing;

namespace LearnGame.ClusterTests;

/// <summary>The database goes away in the middle of a round and comes back: the game waits for it and loses nothing.</summary>
public sealed class StorageOutageTests
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task PostgreSQL_stopped_for_30_seconds_during_a_round_loses_and_doubles_no_acknowledged_answer()
    {
        // This test stops its database, so it has one of its own, never a shared one.
        var postgres = await PostgresServer.StartPrivate();
        try
        {
            await using var cluster = await Cluster.Start(postgres, 1);
            var silo = cluster.Silos[0];
            // The question's deadline falls inside the outage.
            var quiz = JsonNode.Parse(QuizJson.Write(TestQuizzes.Short(timeLimitSeconds: 15)));
            var created = await TrainerApi.CreateSession(silo.Endpoint, new { quiz, options = new { closeWhenAllAnswered = false } });
            await using var trainer = await GameClient.Connect(silo.Endpoint);
            Assert.True((await trainer.Host(created.SessionId, created.HostToken)).Ok);
            var learners = new List<GameClient>();
            for (var i = 0; i < 3; i++)
            {
                var learner = await GameClient.Connect(silo.Endpoint);
                Assert.True((await learner.Join(created.JoinCode, $"Learner {i}")).Ok);
                learners.Add(learner);
            }
            Assert.True((await trainer.Do("Start")).Ok);
            foreach (var l in learners) await l.WaitForQuestion(0);
            Assert.True((await learners[0].Answer(0, new Answer { Choices = [1] }, "before-0")).Ok);

            var down = Stopwatch.StartNew();
            await postgres.Pause();

            // Not acknowledged while it cannot be stored: the learner is told to retry with the same id.
            var during = await learners[1].Answer(0, new Answer { Choices = [1] }, "during-1");
            Assert.False(during.Ok);
            Assert.Equal("storage-unavailable", during.Error);
            // Everyone, trainer included, sees that the game is waiting for its storage.
            foreach (var client in learners.Append(trainer))
                await client.WaitFor(SessionEvents.Storage, p => p.GetProperty("state").GetString() == "retrying");
            // The trainer cannot move the game on meanwhile, and the refusal changes nothing.
            Assert.Equal("storage-unavailable", (await trainer.Do("Skip")).Error);

            // The outage itself is the fault under test: it lasts its 30 s, and the question's deadline passes within it.
            await Task.Delay(Outage - down.Elapsed);
            Assert.Empty(learners[2].Named(SessionEvents.Reveal));
            await postgres.Resume();

            // The close that happened during the outage is stored, then announced; then everyone hears storage is back.
            var reveal = (await learners[2].WaitForReveal(0)).Payload;
            foreach (var client in learners.Append(trainer))
                await client.WaitFor(SessionEvents.Storage, p => p.GetProperty("state").GetString() == "ok");
            Assert.Equal(2, reveal.GetProperty("answeredCount").GetInt32());
            Assert.Equal(2, reveal.GetProperty("correctCount").GetInt32());
            Assert.False(reveal.GetProperty("skipped").GetBoolean());
            // The learner's retry with the same id is now acknowledged, once; an old retry is not counted again.
            Assert.True((await learners[1].Answer(0, new Answer { Choices = [1] }, "during-1")).Repeat);
            Assert.True((await learners[0].Answer(0, new Answer { Choices = [1] }, "before-0")).Repeat);

            // The game goes on.
            Assert.True((await trainer.Do("Next")).Ok);
            Assert.True((await trainer.Do("Next")).Ok);
            foreach (var l in learners) await l.WaitForQuestion(1);
            for (var i = 0; i < 3; i++) Assert.True((await learners[i].Answer(1, new Answer { Choices = [1] }, $"q1-{i}")).Ok);
            Assert.True((await trainer.Do("Reveal")).Ok);
            Assert.Equal(3, (await trainer.WaitForReveal(1)).Payload.GetProperty("answeredCount").GetInt32());

            using var http = silo.Endpoint.CreateHttpClient();
            http.DefaultRequestHeaders.Add("X-Host-Token", created.HostToken);
            var report = await http.GetFromJsonAsync<JsonElement>($"/api/sessions/{created.SessionId}/report");
            var answered = report.GetProperty("learners").EnumerateArray()
                .OrderBy(l => l.GetProperty("nickname").GetString()).Select(l => l.GetProperty("answeredCount").GetInt32()).ToList();
            Assert.Equal([2, 2, 1], answered);
            foreach (var l in learners) await l.DisposeAsync();
        }
        finally
        {
            await postgres.DisposeAsync();
        }
    }
}
