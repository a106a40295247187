using LearnGame.Domain.Sessions;
using LearnGame.UnitTests.Support;

namespace LearnGame.UnitTests.Sessions;

/// <summary>The « tiers-temps »: a learner the trainer granted extra time has its own, later deadline on each question.</summary>
public class ExtraTimeTests
{
    /// <summary>Zoé has +50 % on 20 s questions (so 30 s), Marc the common 20 s.</summary>
    private static (TestGame Game, Seat Zoe, Seat Marc) ZoeWithHalfMoreTime(bool closeWhenAllAnswered = true, bool speedScoring = true)
    {
        var game = new TestGame(new SessionOptions { CloseWhenAllAnswered = closeWhenAllAnswered, SpeedScoring = speedScoring },
            Make.Single(timeLimitSeconds: 20), Make.Single(timeLimitSeconds: 20));
        var (zoe, marc) = (game.Join("Zoé"), game.Join("Marc"));
        Assert.Null(game.Session.SetExtraTime(zoe.Id, 50, 0));
        game.Start();
        return (game, zoe, marc);
    }

    [Fact]
    public void A_learner_with_extra_time_answers_after_the_common_deadline_and_another_is_refused()
    {
        var (game, zoe, marc) = ZoeWithHalfMoreTime();
        game.Advance(25);

        Assert.Equal("answer-too-late", game.Answer(marc, Answers.Choice(1)).Error?.Code);
        Assert.Null(game.Answer(zoe, Answers.Choice(1)).Error);
    }

    [Fact]
    public void The_personal_deadline_is_the_common_one_plus_the_share_of_the_time_limit()
    {
        var (game, zoe, marc) = ZoeWithHalfMoreTime();
        var round = game.Session.CurrentRound!;

        Assert.Equal(game.Now.AddSeconds(30), round.DeadlineFor(zoe.Id));
        Assert.Equal(game.Now.AddSeconds(20), round.DeadlineFor(marc.Id));
        Assert.Equal(game.Now.AddSeconds(30), round.LastDeadline);
        game.Advance(29.999);
        Assert.Null(game.Answer(zoe, Answers.Choice(1)).Error);
    }

    [Fact]
    public void Seconds_and_percent_add_up()
    {
        var game = new TestGame(Make.Single(timeLimitSeconds: 40));
        var zoe = game.Join("Zoé");
        Assert.Null(game.Session.SetExtraTime(zoe.Id, 25, 15));
        game.Start();

        Assert.Equal(game.Now.AddSeconds(40 + 10 + 15), game.Session.CurrentRound!.DeadlineFor(zoe.Id));
    }

    [Fact]
    public void The_question_does_not_close_at_the_common_deadline_but_at_the_last_personal_one()
    {
        var (game, _, _) = ZoeWithHalfMoreTime(closeWhenAllAnswered: false);

        game.Advance(20);
        Assert.False(game.Session.Tick(game.Now));
        Assert.Equal(SessionPhase.QuestionOpen, game.Session.Phase);
        Assert.Equal(game.Now.AddSeconds(10), game.Session.NextDeadline);

        game.Advance(10);
        Assert.True(game.Session.Tick(game.Now));
        Assert.Equal(SessionPhase.Reveal, game.Session.Phase);
    }

    [Fact]
    public void Everyone_answered_waits_for_the_learner_with_extra_time_but_not_for_those_whose_time_is_over()
    {
        var (game, zoe, marc) = ZoeWithHalfMoreTime();
        game.Accepted(marc, Answers.Choice(1));
        Assert.False(game.Session.AllAnswered([zoe.Id, marc.Id], game.Now));

        // Marc did not answer the second question; after the common deadline only Zoé may still answer.
        var (second, zoe2, marc2) = ZoeWithHalfMoreTime();
        second.Advance(21);
        Assert.False(second.Session.AllAnswered([zoe2.Id, marc2.Id], second.Now));
        Assert.Equal(second.Session.CurrentRound!.Deadline, second.Session.NextCheck(second.Now.AddSeconds(-2)));
        second.Accepted(zoe2, Answers.Choice(1));
        Assert.True(second.Session.AllAnswered([zoe2.Id, marc2.Id], second.Now));
    }

    [Fact]
    public void Once_the_extra_time_learner_has_answered_the_question_can_close_at_the_common_deadline()
    {
        var (game, zoe, marc) = ZoeWithHalfMoreTime();
        game.Advance(3);
        game.Accepted(zoe, Answers.Choice(1));

        Assert.Equal(game.Session.CurrentRound!.Deadline, game.Session.NextCheck(game.Now));
        game.Advance(17);
        Assert.True(game.Session.AllAnswered([zoe.Id, marc.Id], game.Now));
    }

    [Fact]
    public void Speed_points_count_the_share_of_the_learners_own_time()
    {
        // Half of 30 s for Zoé and half of 20 s for Marc earn the same: 750.
        var (game, zoe, marc) = ZoeWithHalfMoreTime(closeWhenAllAnswered: false);
        game.Advance(10);
        game.Accepted(marc, Answers.Choice(1));
        game.Advance(5);
        game.Accepted(zoe, Answers.Choice(1));
        game.Advance(15);
        Assert.True(game.Session.Tick(game.Now));

        Assert.Equal(750, marc.Score);
        Assert.Equal(750, zoe.Score);
        // The tie-breaker compares the same share too: Zoé's 15 s of 30 count as 10 s of 20.
        Assert.Equal(marc.CorrectTimeMs, zoe.CorrectTimeMs);
    }

    [Fact]
    public void An_answer_at_the_very_end_of_the_extra_time_earns_the_slowest_share()
    {
        var (game, zoe, _) = ZoeWithHalfMoreTime(closeWhenAllAnswered: false);
        game.Advance(29.999);
        game.Accepted(zoe, Answers.Choice(1));
        game.Advance(1);
        game.Session.Tick(game.Now);

        Assert.Equal(500, zoe.Score);
        Assert.Equal(29_999, game.Session.Rounds[0].Answers[zoe.Id].ElapsedMs);
    }

    [Fact]
    public void A_pause_during_the_extra_time_keeps_exactly_the_time_left_and_refuses_those_whose_time_is_over()
    {
        var (game, zoe, marc) = ZoeWithHalfMoreTime(closeWhenAllAnswered: false);
        game.Advance(25);
        Assert.Null(game.Session.Pause(game.Now));
        game.Advance(60);

        Assert.Equal("answer-too-late", game.Answer(marc, Answers.Choice(1)).Error?.Code);
        Assert.Null(game.Session.Resume(game.Now));
        Assert.Equal(game.Now.AddSeconds(5), game.Session.CurrentRound!.DeadlineFor(zoe.Id));
        Assert.Equal(game.Now.AddSeconds(5), game.Session.NextDeadline);
    }

    [Fact]
    public void Extra_time_granted_during_a_question_applies_from_the_next_one_and_can_be_removed()
    {
        var game = new TestGame(Make.Single(), Make.Single(), Make.Single());
        var zoe = game.Join("Zoé");
        game.Start();
        Assert.Null(game.Session.SetExtraTime(zoe.Id, 100, 0));
        Assert.Equal(game.Session.CurrentRound!.Deadline, game.Session.CurrentRound.DeadlineFor(zoe.Id));

        game.RevealNow();
        game.NextQuestion();
        Assert.Equal(game.Now.AddSeconds(40), game.Session.CurrentRound!.DeadlineFor(zoe.Id));

        Assert.Null(game.Session.SetExtraTime(zoe.Id, 0, 0));
        Assert.Null(zoe.ExtraTime);
        game.RevealNow();
        game.NextQuestion();
        Assert.Null(game.Session.CurrentRound!.ExtraTime);
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(201, 0)]
    [InlineData(0, -5)]
    [InlineData(0, 601)]
    public void Out_of_range_extra_time_is_refused_and_changes_nothing(int percent, int seconds)
    {
        var game = new TestGame(Make.Single());
        var zoe = game.Join("Zoé");
        Assert.Null(game.Session.SetExtraTime(zoe.Id, 33, 0));

        Assert.Equal("extra-time-invalid", game.Session.SetExtraTime(zoe.Id, percent, seconds)?.Code);
        Assert.Equal(new ExtraTime(33, 0), zoe.ExtraTime);
    }

    [Fact]
    public void Extra_time_for_an_unknown_seat_or_after_the_end_is_refused()
    {
        var game = new TestGame(Make.Single());
        game.Join("Zoé");
        Assert.Equal("seat-not-found", game.Session.SetExtraTime(99, 50, 0)?.Code);
        Assert.Null(game.Session.End(game.Now));
        Assert.Equal("wrong-phase", game.Session.SetExtraTime(1, 50, 0)?.Code);
    }

    [Fact]
    public void Extra_time_survives_a_reload_of_the_stored_state()
    {
        var (game, zoe, _) = ZoeWithHalfMoreTime();
        var reloaded = System.Text.Json.JsonSerializer.Deserialize<GameSession>(game.Snapshot(), LearnGame.Domain.Quizzes.QuizJson.Options)!;

        Assert.Equal(new ExtraTime(50, 0), reloaded.SeatById(zoe.Id)!.ExtraTime);
        Assert.Equal(game.Now.AddSeconds(30), reloaded.CurrentRound!.DeadlineFor(zoe.Id));
    }
}
