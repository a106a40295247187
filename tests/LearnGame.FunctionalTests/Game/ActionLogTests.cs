using LearnGame.Testing;

namespace LearnGame.FunctionalTests.Game;

/// <summary>What an operator reads in the server's log of a trainer's actions.</summary>
[Collection(ServerCollection.Name)]
public sealed class ActionLogTests(ServerFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Each_trainer_action_done_is_logged_with_its_session_and_the_phase_it_led_to_and_a_refused_one_is_not()
    {
        await using var room = await Classroom.Open(fixture.Server, 1);
        var session = room.Created.SessionId;
        await room.Start();
        Assert.True((await room.Trainer.Do("Reveal")).Ok);
        Assert.Equal("wrong-phase", (await room.Trainer.Do("Pause")).Error);

        var started = await fixture.Server.Logs.FirstAsync(l => l.Contains($"Session {session}: Start, now QuestionOpen", StringComparison.Ordinal)).WaitAsync(Patience);
        var revealed = await fixture.Server.Logs.FirstAsync(l => l.Contains($"Session {session}: Reveal, now Reveal", StringComparison.Ordinal)).WaitAsync(Patience);

        Assert.StartsWith("Information ", started);
        Assert.StartsWith("Information ", revealed);
        // The refused pause changed nothing, and the log does not say it was done.
        Assert.DoesNotContain(fixture.Server.Logs.Lines, l => l.Contains($"Session {session}: Pause", StringComparison.Ordinal));
    }
}
