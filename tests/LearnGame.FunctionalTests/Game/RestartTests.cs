using LearnGame.Domain.Questions;
using LearnGame.Domain.Sessions;
using LearnGame.Testing;

namespace LearnGame.FunctionalTests.Game;

/// <summary>Stop the server mid-question (gracefully, or with kill -9) and start it again on the same data folder.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task After_a_graceful_restart_mid_question_the_session_and_every_acknowledged_answer_are_still_there()
    {
        var data = ServerHost.NewDataDirectory();
        var clusterId = $"restart-{Guid.NewGuid():N}";
        TrainerApi.Created created;
        List<(string Token, int Seat)> seats;
        await using (var before = new ServerHost(data, clusterId))
        {
            await using var room = await Classroom.Open(before, 3);
            created = room.Created;
            await room.Start();
            Assert.True((await room.Learners[0].Answer(0, new Answer { Choices = [1] }, "a0")).Ok);
            Assert.True((await room.Learners[1].Answer(0, new Answer { Choices = [2] }, "a1")).Ok);
            seats = room.Learners.Select(l => (l.SeatToken!, l.SeatId)).ToList();
        }

        await using var after = new ServerHost(data, clusterId);
        await RestartAssertions.GameGoesOn(after, created, seats);
    }

    [Fact]
    public async Task After_kill_9_mid_question_the_session_and_every_acknowledged_answer_are_still_there()
    {
        var data = ServerHost.NewDataDirectory();
        TrainerApi.Created created;
        List<(string Token, int Seat)> seats;
        await using (var process = await ServerProcess.Start(data))
        {
            var remote = process.Endpoint;
            await using var room = await Classroom.Open(remote, 3);
            created = room.Created;
            await room.Start();
            Assert.True((await room.Learners[0].Answer(0, new Answer { Choices = [1] }, "a0")).Ok);
            Assert.True((await room.Learners[1].Answer(0, new Answer { Choices = [2] }, "a1")).Ok);
            seats = room.Learners.Select(l => (l.SeatToken!, l.SeatId)).ToList();
            process.Kill();
        }

        await using var again = await ServerProcess.Start(data);
        await RestartAssertions.GameGoesOn(again.Endpoint, created, seats);
    }
}

internal static class RestartAssertions
{
    /// <summary>Trainer and learners reconnect with their tokens; the two acknowledged answers count; the game goes on.</summary>
    public static async Task GameGoesOn(ServerEndpoint server, TrainerApi.Created created, List<(string Token, int Seat)> seats)
    {
        await using var trainer = await GameClient.Connect(server);
        var hosted = await trainer.Host(created.SessionId, created.HostToken);
        Assert.True(hosted.Ok, hosted.Message);
        Assert.Equal(SessionPhase.QuestionOpen, hosted.Snapshot!.Phase);
        Assert.Equal(2, hosted.Snapshot.AnsweredCount);

        var learners = new List<GameClient>();
        foreach (var (token, seat) in seats)
        {
            var learner = await GameClient.Connect(server);
            var back = await learner.Rejoin(created.SessionId, token);
            Assert.True(back.Ok, back.Message);
            Assert.Equal(seat, back.SeatId);
            learners.Add(learner);
        }
        Assert.Equal("a0", (await learners[0].Rejoin(created.SessionId, seats[0].Token)).Snapshot!.You!.AnswerId);
        Assert.Equal("already-answered", (await learners[0].Answer(0, new Answer { Choices = [3] }, "other")).Error);
        Assert.True((await learners[2].Answer(0, new Answer { Choices = [1] }, "a2")).Ok);

        Assert.True((await trainer.Do("Reveal")).Ok);
        var reveal = (await trainer.WaitForReveal(0)).Payload;
        Assert.Equal(3, reveal.GetProperty("answeredCount").GetInt32());
        Assert.Equal(2, reveal.GetProperty("correctCount").GetInt32());
        Assert.True((await learners[0].WaitForResult(0)).Payload.GetProperty("correct").GetBoolean());
        Assert.False((await learners[1].WaitForResult(0)).Payload.GetProperty("correct").GetBoolean());
        Assert.True((await trainer.Do("Next")).Ok);
        foreach (var l in learners) await l.DisposeAsync();
    }
}
