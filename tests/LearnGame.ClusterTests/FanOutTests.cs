using LearnGame.Domain.Questions;
using LearnGame.Grains.Abstractions.Sessions;
using LearnGame.Testing;

namespace LearnGame.ClusterTests;

[Collection(PostgresCollection.Name)]
public sealed class FanOutTests(PostgresServer postgres)
{
    [Fact]
    public async Task Learners_connected_to_different_silos_receive_every_event_in_order()
    {
        await using var cluster = await Cluster.Start(postgres, 2);
        var (a, b) = (cluster.Silos[0].Endpoint, cluster.Silos[1].Endpoint);
        await using var room = await Classroom.Open(a, 0);
        var learners = new List<GameClient>();
        for (var i = 0; i < 4; i++)
        {
            // Alternate silos: half the class sits on each.
            var learner = await GameClient.Connect(i % 2 == 0 ? a : b);
            var joined = await learner.Join(room.Created.JoinCode, $"Learner {i}");
            Assert.True(joined.Ok, joined.Message);
            learners.Add(learner);
        }
        await using var projector = await GameClient.Connect(b);
        Assert.True((await projector.Host(room.Created.SessionId, room.Created.HostToken)).Ok);

        Assert.True((await room.Trainer.Do("Start")).Ok);
        for (var q = 0; q < 2; q++)
        {
            foreach (var l in learners) await l.WaitForQuestion(q);
            foreach (var l in learners) Assert.True((await l.Answer(q, new Answer { Choices = [1] })).Ok);
            Assert.True((await room.Trainer.Do("Reveal")).Ok);
            foreach (var l in learners) await l.WaitForResult(q);
            Assert.True((await room.Trainer.Do("Next")).Ok);
            foreach (var l in learners) await l.WaitForCount(SessionEvents.Leaderboard, q + 1);
            Assert.True((await room.Trainer.Do("Next")).Ok);
        }
        await projector.WaitForQuestion(2);
        foreach (var l in learners) await l.WaitForQuestion(2);

        string[] phases = [SessionEvents.Question, SessionEvents.Reveal, SessionEvents.Leaderboard];
        foreach (var client in learners.Append(projector))
        {
            var seen = client.Events.Where(e => phases.Contains(e.Name)).Select(e => e.Name).ToList();
            Assert.Equal([.. phases, .. phases, SessionEvents.Question], seen);
        }
        foreach (var l in learners) await l.DisposeAsync();
    }

    [Fact]
    public async Task A_question_to_twenty_learners_on_two_silos_crosses_the_cluster_twice_not_twenty_times()
    {
        await using var cluster = await Cluster.Start(postgres, 2);
        var silos = cluster.Silos.Select(s => s.Endpoint).ToList();
        await using var room = await Classroom.Open(silos[0], 0);
        var learners = new List<GameClient>();
        for (var i = 0; i < 20; i++)
        {
            var learner = await GameClient.Connect(silos[i % 2]);
            Assert.True((await learner.Join(room.Created.JoinCode, $"Learner {i}")).Ok);
            learners.Add(learner);
        }
        var before = await Task.WhenAll(silos.Select(s => RelayCount(s, SessionEvents.Question)));

        Assert.True((await room.Trainer.Do("Start")).Ok);
        foreach (var l in learners) await l.WaitForQuestion(0);

        // /metrics may answer from a short cache: read until both silos show the question, then check it came once.
        var after = await Task.WhenAll(silos.Select(s => RelayCount(s, SessionEvents.Question)));
        for (var wait = DateTime.UtcNow + GameClient.Patience; after.Zip(before).Any(p => p.First == p.Second) && DateTime.UtcNow < wait;)
        {
            await Task.Delay(100);
            after = await Task.WhenAll(silos.Select(s => RelayCount(s, SessionEvents.Question)));
        }
        // Each silo's relay received the question once and handed it to its ten learners (and the trainer).
        Assert.Equal([1L, 1L], after.Zip(before, (x, y) => x - y));
        Assert.All(learners, l => Assert.Single(l.Named(SessionEvents.Question)));
        foreach (var l in learners) await l.DisposeAsync();
    }

    /// <summary>The silo's count of session events of one name received by its relay, read from /metrics.</summary>
    private static async Task<long> RelayCount(ServerEndpoint silo, string eventName)
    {
        using var http = silo.CreateHttpClient();
        var text = await http.GetStringAsync("/metrics");
        var match = System.Text.RegularExpressions.Regex.Match(text,
            "^learngame_relay_events_total\\{[^}]*event=\"" + eventName + "\"[^}]*\\} (\\d+)", System.Text.RegularExpressions.RegexOptions.Multiline);
        return match.Success ? long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }
}
