using LearnGame.Domain.Sessions;
using LearnGame.UnitTests.Support;

namespace LearnGame.UnitTests.Sessions;

public class PauseTests
{
    /// <summary>A 20 s question paused 5 s in, so 15 s remain.</summary>
    private static (TestGame Game, Seat Zoe) PausedFiveSecondsIn(bool speedScoring = true)
    {
        var game = new TestGame(new SessionOptions { SpeedScoring = speedScoring }, Make.Single(timeLimitSeconds: 20), Make.TrueFalse());
        var zoe = game.Join("Zoé");
        game.Join("Marc");
        game.Start();
        game.Advance(5);
        Assert.Null(game.Session.Pause(game.Now));
        return (game, zoe);
    }

    [Fact]
    public void Pausing_freezes_the_remaining_time()
    {
        var (game, _) = PausedFiveSecondsIn();
        var round = game.Session.CurrentRound!;

        game.Advance(60);

        Assert.True(round.Paused);
        Assert.Equal(TimeSpan.FromSeconds(15), round.Remaining(game.Now));
        Assert.False(game.Session.Tick(game.Now));
        Assert.Equal(SessionPhase.QuestionOpen, game.Session.Phase);
    }

    [Fact]
    public void Resuming_gives_back_the_time_that_was_left()
    {
        var (game, _) = PausedFiveSecondsIn();
        game.Advance(60);

        Assert.Null(game.Session.Resume(game.Now));

        var round = game.Session.CurrentRound!;
        Assert.False(round.Paused);
        Assert.Equal(game.Now.AddSeconds(15), round.Deadline);
        Assert.False(game.Session.Tick(game.Now.AddSeconds(15) - TimeSpan.FromTicks(1)));
        Assert.True(game.Session.Tick(game.Now.AddSeconds(15)));
    }

    [Fact]
    public void An_answer_during_the_pause_is_accepted_with_the_elapsed_time_frozen()
    {
        var (game, zoe) = PausedFiveSecondsIn();
        game.Advance(30);

        var answer = game.Accepted(zoe, Answers.Choice(1));

        Assert.Equal(5000, answer.ElapsedMs);
        game.RevealNow();
        Assert.Equal(875, zoe.Score);
    }

    [Fact]
    public void An_answer_after_the_original_deadline_but_during_the_pause_is_accepted()
    {
        var (game, zoe) = PausedFiveSecondsIn();
        game.Advance(120);

        Assert.Null(game.Answer(zoe, Answers.Choice(1)).Error);
    }

    [Fact]
    public void Time_spent_paused_does_not_count_in_the_elapsed_time_after_resuming()
    {
        var (game, zoe) = PausedFiveSecondsIn();
        game.Advance(60);
        game.Session.Resume(game.Now);
        game.Advance(3);

        Assert.Equal(8000, game.Accepted(zoe, Answers.Choice(1)).ElapsedMs);
    }

    [Fact]
    public void The_new_deadline_refuses_answers_after_resuming()
    {
        var (game, zoe) = PausedFiveSecondsIn();
        game.Advance(60);
        game.Session.Resume(game.Now);
        game.Advance(15);

        Assert.Equal("answer-too-late", game.Answer(zoe, Answers.Choice(1)).Error?.Code);
    }

    [Fact]
    public void Pausing_twice_or_resuming_a_running_question_is_refused()
    {
        var (game, _) = PausedFiveSecondsIn();
        Assert.Equal(GameError.WrongPhase, game.Session.Pause(game.Now));
        Assert.Null(game.Session.Resume(game.Now));
        Assert.Equal(GameError.WrongPhase, game.Session.Resume(game.Now));
    }

    [Fact]
    public void Pause_after_the_deadline_is_refused_so_that_it_cannot_reopen_answers()
    {
        var game = new TestGame(Make.Single(timeLimitSeconds: 20));
        var zoe = game.Join("Zoé");
        game.Start();
        game.Advance(20.5); // the deadline has passed but the timer has not ticked yet
        var before = game.Snapshot();

        Assert.Equal(GameError.WrongPhase, game.Session.Pause(game.Now));

        Assert.Equal(before, game.Snapshot());
        game.Advance(30);
        Assert.Equal("answer-too-late", game.Answer(zoe, Answers.Choice(1)).Error?.Code);
        Assert.True(game.Session.Tick(game.Now));
    }

    [Fact]
    public void Reveal_now_while_paused_closes_the_question_and_clears_the_pause()
    {
        var (game, _) = PausedFiveSecondsIn();

        game.RevealNow();

        Assert.Equal(SessionPhase.Reveal, game.Session.Phase);
        Assert.False(game.Session.CurrentRound!.Paused);
        Assert.Equal(TimeSpan.Zero, game.Session.CurrentRound.Remaining(game.Now));
    }

    [Fact]
    public void Skip_while_paused_opens_the_next_question_running()
    {
        var (game, _) = PausedFiveSecondsIn();

        Assert.Null(game.Session.Skip(game.Now));

        Assert.False(game.Session.Rounds[0].Paused);
        Assert.False(game.Session.CurrentRound!.Paused);
        Assert.Equal(game.Now.AddSeconds(20), game.Session.CurrentRound.Deadline);
    }
}
