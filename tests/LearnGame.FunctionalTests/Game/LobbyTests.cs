using LearnGame.Grains.Abstractions.Sessions;
using LearnGame.Testing;

namespace LearnGame.FunctionalTests.Game;

/// <summary>The lobby list is for the trainer and the projector; learners get the count, which keeps big sessions cheap.</summary>
[Collection(ServerCollection.Name)]
public sealed class LobbyTests(ServerFixture fixture)
{
    [Fact]
    public async Task Trainers_see_every_name_and_learners_only_how_many_have_joined()
    {
        await using var room = await Classroom.Open(fixture.Server, 2);
        var third = await room.AddLearner("Troisième");
        await using var fourth = await GameClient.Connect(fixture.Server);
        var joined = await fourth.Join(room.Created.JoinCode, "Quatrième");

        Assert.Empty(joined.Snapshot!.Learners);
        Assert.Equal(4, joined.Snapshot.LearnerCount);
        var hostView = await room.Trainer.WaitFor(SessionEvents.Lobby, p => p.GetProperty("count").GetInt32() == 4);
        Assert.Equal(4, hostView.Payload.GetProperty("learners").GetArrayLength());
        var learnerView = await third.WaitFor(SessionEvents.Lobby, p => p.GetProperty("count").GetInt32() == 4);
        Assert.Equal(0, learnerView.Payload.GetProperty("learners").GetArrayLength());
        // Nobody gets the list twice: the trainer's connection is not sent the learners' version.
        Assert.DoesNotContain(room.Trainer.Named(SessionEvents.Lobby), e => e.Payload.GetProperty("learners").GetArrayLength() == 0
            && e.Payload.GetProperty("count").GetInt32() > 0);
    }
}
