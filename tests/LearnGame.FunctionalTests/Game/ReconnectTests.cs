using LearnGame.Domain.Questions;
using LearnGame.Domain.Sessions;
using LearnGame.FunctionalTests;
using LearnGame.Grains.Abstractions.Sessions;
using LearnGame.Testing;

namespace LearnGame.FunctionalTests.Game;

[Collection(ServerCollection.Name)]
public sealed class ReconnectTests(ServerFixture fixture)
{
    private ServerHost Server => fixture.Server;

    [Fact]
    public async Task A_learner_who_drops_mid_question_gets_the_same_seat_score_and_answer_back()
    {
        await using var room = await Classroom.Open(Server, 3);
        await room.Start();
        foreach (var l in room.Learners) await l.Answer(0, new Answer { Choices = [1] });
        await room.Trainer.Do("Reveal");
        await room.Trainer.Do("Next");
        await room.Trainer.Do("Next");
        var dropped = room.Learners[0];
        await dropped.WaitForQuestion(1);
        var scoreBefore = (await dropped.WaitForResult(0)).Payload.GetProperty("score").GetInt32();
        Assert.True((await dropped.Answer(1, new Answer { Choices = [3] }, "kept-answer")).Ok);

        await dropped.Connection.StopAsync();
        await using var back = await GameClient.Connect(Server);
        var rejoined = await back.Rejoin(room.Created.SessionId, dropped.SeatToken);

        Assert.True(rejoined.Ok, rejoined.Message);
        Assert.Null(rejoined.SeatToken);
        var snapshot = rejoined.Snapshot!;
        Assert.Equal(dropped.SeatId, rejoined.SeatId);
        Assert.Equal(SessionPhase.QuestionOpen, snapshot.Phase);
        Assert.Equal(1, snapshot.Question!.Index);
        Assert.Equal("kept-answer", snapshot.You!.AnswerId);
        Assert.Equal([3], snapshot.You.Answer!.Choices);
        Assert.Equal(scoreBefore, snapshot.You.Standing.Score);
        Assert.Equal(1, snapshot.You.Standing.Streak);
        Assert.True(snapshot.Deadline > snapshot.ServerNow);

        // The new connection receives the session's events and its own results.
        await room.Trainer.Do("Reveal");
        var result = (await back.WaitForResult(1)).Payload;
        Assert.True(result.GetProperty("answered").GetBoolean());
        Assert.False(result.GetProperty("correct").GetBoolean());
        Assert.Equal(0, result.GetProperty("streak").GetInt32());
    }

    [Fact]
    public async Task The_trainer_reconnects_with_the_host_token_and_keeps_control()
    {
        await using var room = await Classroom.Open(Server, 1);
        await room.Start();
        await room.Trainer.Connection.StopAsync();

        await using var trainer = await GameClient.Connect(Server);
        var hosted = await trainer.Host(room.Created.SessionId, room.Created.HostToken);
        Assert.True(hosted.Ok);
        Assert.Equal(SessionPhase.QuestionOpen, hosted.Snapshot!.Phase);
        Assert.True((await trainer.Do("Reveal")).Ok);
        await trainer.WaitForReveal(0);
    }

    [Fact]
    public async Task A_seat_token_of_another_session_opens_nothing()
    {
        await using var first = await Classroom.Open(Server, 1);
        await using var second = await Classroom.Open(Server, 1);
        await using var thief = await GameClient.Connect(Server);
        var result = await thief.Rejoin(second.Created.SessionId, first.Learners[0].SeatToken);
        Assert.Equal("seat-not-found", result.Error);
    }
}
