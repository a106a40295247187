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

        string[] phases = [SessionEvents.Question, SessionEvents.Reveal, SessionEvents.Leaderboard];
        foreach (var client in learners.Append(projector))
        {
            var seen = client.Events.Where(e => phases.Contains(e.Name)).Select(e => e.Name).ToList();
            Assert.Equal([.. phases, .. phases, SessionEvents.Question], seen);
        }
        foreach (var l in learners) await l.DisposeAsync();
    }
}
