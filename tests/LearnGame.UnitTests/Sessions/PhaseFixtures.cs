using LearnGame.Domain.Sessions;
using LearnGame.UnitTests.Support;

namespace LearnGame.UnitTests.Sessions;

/// <summary>Games brought to a given phase: two questions, two learners (Zoé and Marc), Zoé has answered the first question.</summary>
internal static class PhaseFixtures
{
    /// <summary>"Paused" is QuestionOpen with the timer paused.</summary>
    public static TestGame GameIn(string phase) => phase == "Paused" ? Paused() : GameIn(Enum.Parse<SessionPhase>(phase));

    public static TestGame GameIn(SessionPhase phase)
    {
        var game = new TestGame(Make.Single(), Make.TrueFalse());
        var zoe = game.Join("Zoé");
        game.Join("Marc");
        if (phase == SessionPhase.Lobby) return game;
        game.Start();
        game.Advance(2);
        game.Accepted(zoe, Answers.Choice(1));
        game.Advance(1);
        if (phase == SessionPhase.QuestionOpen) return game;
        game.RevealNow();
        if (phase == SessionPhase.Reveal) return game;
        game.Next();
        if (phase == SessionPhase.Leaderboard) return game;
        game.Next();
        game.RevealNow();
        game.Next();
        game.Next();
        if (phase == SessionPhase.Podium) return game;
        game.Next();
        Assert.Equal(SessionPhase.Ended, game.Session.Phase);
        return game;
    }

    private static TestGame Paused()
    {
        var game = GameIn(SessionPhase.QuestionOpen);
        Assert.Null(game.Session.Pause(game.Now));
        return game;
    }
}
