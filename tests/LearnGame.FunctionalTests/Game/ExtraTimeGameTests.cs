using LearnGame.Domain.Questions;
using LearnGame.Domain.Sessions;
using LearnGame.Grains.Abstractions.Sessions;
using LearnGame.Testing;

namespace LearnGame.FunctionalTests.Game;

/// <summary>The trainer grants extra time over the hub; the learner's own deadline travels to it alone and is the one it is judged by.</summary>
[Collection(ServerCollection.Name)]
public sealed class ExtraTimeGameTests(ServerFixture fixture)
{
    private ServerHost Server => fixture.Server;

    [Fact]
    public async Task A_learner_with_extra_time_answers_after_the_common_deadline_and_is_accepted_while_another_is_refused()
    {
        await using var room = await Classroom.Open(Server, 2, TestQuizzes.Short(timeLimitSeconds: Question.MinTimeLimitSeconds), closeWhenAllAnswered: true);
        var (zoe, marc) = (room.Learners[0], room.Learners[1]);

        var granted = await room.Trainer.Do("SetExtraTime", zoe.SeatId, 100, 0);
        Assert.True(granted.Ok, granted.Message);
        await room.Trainer.WaitFor(SessionEvents.Lobby, p => p.GetProperty("learners").EnumerateArray()
            .Any(l => l.GetProperty("seatId").GetInt32() == zoe.SeatId && l.TryGetProperty("extraTime", out var x) && x.GetProperty("percent").GetInt32() == 100));
        await room.Start();

        var question = (await marc.WaitForQuestion(0)).Payload;
        var common = question.GetProperty("deadline").GetDateTimeOffset();
        var own = (await zoe.WaitFor(SessionEvents.YourDeadline)).Payload;
        Assert.Equal(common.AddSeconds(Question.MinTimeLimitSeconds), own.GetProperty("deadline").GetDateTimeOffset());
        Assert.Equal(Question.MinTimeLimitSeconds * 1000, own.GetProperty("extraMs").GetInt64());
        Assert.Equal(own.GetProperty("deadline").GetDateTimeOffset(), question.GetProperty("lastDeadline").GetDateTimeOffset());
        // A learner reconnecting is shown its own deadline, and its accommodation.
        var rejoined = (await zoe.Rejoin(room.Created.SessionId, zoe.SeatToken)).Snapshot!;
        Assert.Equal(own.GetProperty("deadline").GetDateTimeOffset(), rejoined.Deadline);
        Assert.Equal(new ExtraTime(100, 0), rejoined.You!.ExtraTime);

        // The common deadline passes (by the server's clock); the question stays open for Zoé only.
        await Task.Delay(common - question.GetProperty("serverNow").GetDateTimeOffset() + TimeSpan.FromMilliseconds(300));
        var late = await marc.Answer(0, new Answer { Choices = [1] });
        Assert.Equal("answer-too-late", late.Error);
        var accepted = await zoe.Answer(0, new Answer { Choices = [1] });
        Assert.True(accepted.Ok, accepted.Error);

        // Nobody else can still answer: the question closes at once rather than at Zoé's deadline.
        var reveal = (await room.Trainer.WaitForReveal(0)).Payload;
        Assert.Equal(1, reveal.GetProperty("answeredCount").GetInt32());
        var result = (await zoe.WaitForResult(0)).Payload;
        Assert.True(result.GetProperty("correct").GetBoolean());
        // Answered in the second half of its own 10 s: between the slowest share (500) and 750.
        Assert.InRange(result.GetProperty("points").GetInt32(), 500, 750);
        // Marc's own deadline would have come with the question, before this reveal.
        await marc.WaitForReveal(0);
        Assert.Empty(marc.Named(SessionEvents.YourDeadline));
    }

    [Fact]
    public async Task Bad_extra_time_requests_get_a_clear_error_and_change_nothing()
    {
        await using var room = await Classroom.Open(Server, 1);
        var learner = room.Learners[0];

        Assert.Equal("extra-time-invalid", (await room.Trainer.Do("SetExtraTime", learner.SeatId, 500, 0)).Error);
        Assert.Equal("extra-time-invalid", (await room.Trainer.Do("SetExtraTime", learner.SeatId, 0, -1)).Error);
        Assert.Equal("seat-not-found", (await room.Trainer.Do("SetExtraTime", 42, 50, 0)).Error);
        Assert.Equal("forbidden", (await learner.Do("SetExtraTime", learner.SeatId, 50, 0)).Error);

        var snapshot = (await room.Trainer.Host(room.Created.SessionId, room.Created.HostToken)).Snapshot!;
        Assert.Null(snapshot.Learners.Single().ExtraTime);
    }
}
