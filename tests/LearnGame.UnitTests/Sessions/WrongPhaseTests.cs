using LearnGame.Domain.Sessions;
using LearnGame.UnitTests.Support;

namespace LearnGame.UnitTests.Sessions;

/// <summary>An action in the wrong phase is refused with wrong-phase and leaves the whole state untouched.</summary>
public class WrongPhaseTests
{
    private static GameError? Act(TestGame game, string action)
    {
        var session = game.Session;
        var now = game.Now;
        return action switch
        {
            "Start" => session.Start(now),
            "Pause" => session.Pause(now),
            "Resume" => session.Resume(now),
            "RevealNow" => session.RevealNow(now),
            "Skip" => session.Skip(now),
            "Next" => session.Next(now),
            "End" => session.End(now),
            "Kick" => session.Kick(session.Seats[0].Id),
            "Lock" => session.SetLocked(true),
            "Join" => session.Join("Nouveau", "new-seat-token").Error,
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
        };
    }

    [Theory]
    [InlineData("Lobby", "Pause")]
    [InlineData("Lobby", "Resume")]
    [InlineData("Lobby", "RevealNow")]
    [InlineData("Lobby", "Skip")]
    [InlineData("Lobby", "Next")]
    [InlineData("QuestionOpen", "Start")]
    [InlineData("QuestionOpen", "Resume")]
    [InlineData("QuestionOpen", "Next")]
    [InlineData("Paused", "Start")]
    [InlineData("Paused", "Pause")]
    [InlineData("Paused", "Next")]
    [InlineData("Reveal", "Start")]
    [InlineData("Reveal", "Pause")]
    [InlineData("Reveal", "Resume")]
    [InlineData("Reveal", "RevealNow")]
    [InlineData("Reveal", "Skip")]
    [InlineData("Leaderboard", "Start")]
    [InlineData("Leaderboard", "Pause")]
    [InlineData("Leaderboard", "Resume")]
    [InlineData("Leaderboard", "RevealNow")]
    [InlineData("Leaderboard", "Skip")]
    [InlineData("Podium", "Start")]
    [InlineData("Podium", "Pause")]
    [InlineData("Podium", "Resume")]
    [InlineData("Podium", "RevealNow")]
    [InlineData("Podium", "Skip")]
    [InlineData("Podium", "Join")]
    [InlineData("Ended", "Start")]
    [InlineData("Ended", "Pause")]
    [InlineData("Ended", "Resume")]
    [InlineData("Ended", "RevealNow")]
    [InlineData("Ended", "Skip")]
    [InlineData("Ended", "Next")]
    [InlineData("Ended", "End")]
    [InlineData("Ended", "Kick")]
    [InlineData("Ended", "Lock")]
    [InlineData("Ended", "Join")]
    public void An_action_in_the_wrong_phase_is_refused_and_changes_nothing(string phase, string action)
    {
        var game = PhaseFixtures.GameIn(phase);
        var before = game.Snapshot();

        var error = Act(game, action);

        Assert.Equal(GameError.WrongPhase, error);
        Assert.Equal(before, game.Snapshot());
    }

    [Theory]
    [InlineData("Lobby", "Start")]
    [InlineData("QuestionOpen", "Pause")]
    [InlineData("QuestionOpen", "RevealNow")]
    [InlineData("QuestionOpen", "Skip")]
    [InlineData("Paused", "Resume")]
    [InlineData("Paused", "RevealNow")]
    [InlineData("Paused", "Skip")]
    [InlineData("Reveal", "Next")]
    [InlineData("Leaderboard", "Next")]
    [InlineData("Podium", "Next")]
    [InlineData("Podium", "Kick")]
    [InlineData("Podium", "Lock")]
    [InlineData("QuestionOpen", "Join")]
    [InlineData("Leaderboard", "Join")]
    public void The_same_actions_in_their_phase_succeed_and_change_the_state(string phase, string action)
    {
        var game = PhaseFixtures.GameIn(phase);
        var before = game.Snapshot();

        Assert.Null(Act(game, action));
        Assert.NotEqual(before, game.Snapshot());
    }

    [Theory]
    [InlineData("Lobby")]
    [InlineData("Paused")]
    [InlineData("Reveal")]
    [InlineData("Leaderboard")]
    [InlineData("Podium")]
    [InlineData("Ended")]
    public void Tick_outside_a_running_question_does_nothing_even_long_after(string phase)
    {
        var game = PhaseFixtures.GameIn(phase);
        var before = game.Snapshot();

        Assert.False(game.Session.Tick(game.Now.AddHours(1)));
        Assert.Equal(before, game.Snapshot());
    }
}
