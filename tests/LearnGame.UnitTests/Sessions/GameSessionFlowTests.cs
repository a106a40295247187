using LearnGame.Domain.Sessions;
using LearnGame.UnitTests.Support;

namespace LearnGame.UnitTests.Sessions;

/// <summary>The phases: Lobby → QuestionOpen → Reveal → Leaderboard → … → Podium → Ended.</summary>
public class GameSessionFlowTests
{
    [Fact]
    public void A_new_session_waits_in_the_lobby()
    {
        var game = new TestGame(Make.Single());
        Assert.Equal(SessionPhase.Lobby, game.Session.Phase);
        Assert.Equal(TestGame.StartTime, game.Session.CreatedAt);
        Assert.Null(game.Session.CurrentRound);
        Assert.Null(game.Session.CurrentQuestion);
        Assert.True(game.Session.IsLive);
        Assert.False(game.Session.Locked);
    }

    [Fact]
    public void The_game_cannot_start_without_learners_and_stays_in_the_lobby()
    {
        var game = new TestGame(Make.Single());
        var before = game.Snapshot();

        Assert.Equal(GameError.NoLearners, game.Session.Start(game.Now));
        Assert.Equal(before, game.Snapshot());
    }

    [Fact]
    public void Kicked_learners_do_not_count_for_starting()
    {
        var game = new TestGame(Make.Single());
        var zoe = game.Join("Zoé");
        game.Session.Kick(zoe.Id);

        Assert.Equal("no-learners", game.Session.Start(game.Now)?.Code);
    }

    [Fact]
    public void Starting_opens_the_first_question_with_its_deadline()
    {
        var game = new TestGame(Make.Single(timeLimitSeconds: 30), Make.TrueFalse());
        game.Join("Zoé");
        game.Advance(42);

        game.Start();

        Assert.Equal(SessionPhase.QuestionOpen, game.Session.Phase);
        var round = Assert.Single(game.Session.Rounds);
        Assert.Equal(0, round.QuestionIndex);
        Assert.Equal(game.Now, round.OpenedAt);
        Assert.Equal(game.Now.AddSeconds(30), round.Deadline);
        Assert.Same(game.Session.Quiz.Questions[0], game.Session.CurrentQuestion);
        Assert.False(round.Closed);
    }

    [Fact]
    public void Tick_before_the_deadline_does_nothing()
    {
        var game = new TestGame(Make.Single(timeLimitSeconds: 20));
        game.Join("Zoé");
        game.Start();
        var before = game.Snapshot();

        game.Clock.Advance(TimeSpan.FromSeconds(20) - TimeSpan.FromTicks(1));

        Assert.False(game.Session.Tick(game.Now));
        Assert.Equal(before, game.Snapshot());
    }

    [Fact]
    public void Tick_at_the_deadline_closes_the_question_and_reveals()
    {
        var game = new TestGame(Make.Single(timeLimitSeconds: 20));
        game.Join("Zoé");
        game.Start();
        game.Advance(20);

        Assert.True(game.Session.Tick(game.Now));

        Assert.Equal(SessionPhase.Reveal, game.Session.Phase);
        Assert.True(game.Session.CurrentRound!.Closed);
        Assert.False(game.Session.Tick(game.Now.AddMinutes(1)));
    }

    [Fact]
    public void A_whole_game_walks_through_every_phase_in_order()
    {
        var game = new TestGame(Make.Single(), Make.TrueFalse());
        game.Join("Zoé");
        var phases = new List<SessionPhase> { game.Session.Phase };
        void Record() => phases.Add(game.Session.Phase);

        game.Start(); Record();
        game.Advance(20); Assert.True(game.Session.Tick(game.Now)); Record();
        game.Next(); Record();
        game.Next(); Record();
        Assert.Equal(1, game.Session.CurrentRound!.QuestionIndex);
        Assert.Equal(game.Now, game.Session.CurrentRound.OpenedAt);
        game.RevealNow(); Record();
        game.Next(); Record();
        game.Next(); Record();
        game.Next(); Record();

        Assert.Equal(
            [SessionPhase.Lobby, SessionPhase.QuestionOpen, SessionPhase.Reveal, SessionPhase.Leaderboard, SessionPhase.QuestionOpen,
             SessionPhase.Reveal, SessionPhase.Leaderboard, SessionPhase.Podium, SessionPhase.Ended],
            phases);
        Assert.False(game.Session.IsLive);
        Assert.Equal([0, 1], game.Session.Rounds.Select(r => r.QuestionIndex));
    }

    [Fact]
    public void Reveal_now_closes_the_question_before_its_deadline_and_later_answers_are_too_late()
    {
        var game = new TestGame(Make.Single());
        var (zoe, marc) = (game.Join("Zoé"), game.Join("Marc"));
        game.Start();
        game.Advance(3);
        game.Accepted(zoe, Answers.Choice(1));

        game.RevealNow();

        Assert.Equal(SessionPhase.Reveal, game.Session.Phase);
        Assert.True(zoe.Score > 0);
        Assert.Equal("answer-too-late", game.Answer(marc, Answers.Choice(1)).Error?.Code);
        Assert.False(game.Session.Tick(game.Now.AddSeconds(30)));
    }

    [Fact]
    public void Skip_drops_the_question_unscored_and_opens_the_next_one()
    {
        var game = new TestGame(Make.Single(), Make.TrueFalse());
        var zoe = game.Join("Zoé");
        game.Start();
        game.Accepted(zoe, Answers.Choice(1));
        game.Advance(2);

        Assert.Null(game.Session.Skip(game.Now));

        var skipped = game.Session.Rounds[0];
        Assert.True(skipped.Skipped);
        Assert.True(skipped.Closed);
        Assert.Equal(0, skipped.Answers[zoe.Id].Points);
        Assert.False(skipped.Answers[zoe.Id].Correct);
        Assert.Equal((0, 0, 0), (zoe.Score, zoe.CorrectCount, zoe.Streak));
        Assert.Equal(SessionPhase.QuestionOpen, game.Session.Phase);
        Assert.Equal(1, game.Session.CurrentRound!.QuestionIndex);
        Assert.Equal(game.Now, game.Session.CurrentRound.OpenedAt);
    }

    [Fact]
    public void Skip_leaves_the_streak_as_it_was()
    {
        var game = new TestGame(new SessionOptions { SpeedScoring = false }, Make.Single(), Make.Single(), Make.Single());
        var zoe = game.Join("Zoé");
        game.Start();
        game.Accepted(zoe, Answers.Choice(1));
        game.RevealNow();
        Assert.Equal(1, zoe.Streak);
        game.NextQuestion();
        game.Accepted(zoe, Answers.Choice(0));

        Assert.Null(game.Session.Skip(game.Now));

        Assert.Equal(1, zoe.Streak);
        game.Accepted(zoe, Answers.Choice(1));
        game.RevealNow();
        Assert.Equal(2, zoe.Streak);
        Assert.Equal(1000 + 1100, zoe.Score);
    }

    [Fact]
    public void Skipping_the_last_question_goes_to_the_podium()
    {
        var game = new TestGame(Make.Single(), Make.TrueFalse());
        game.Join("Zoé");
        game.Start();
        Assert.Null(game.Session.Skip(game.Now));
        Assert.Null(game.Session.Skip(game.Now));

        Assert.Equal(SessionPhase.Podium, game.Session.Phase);
        Assert.All(game.Session.Rounds, r => Assert.True(r.Skipped));
        game.Next();
        Assert.Equal(SessionPhase.Ended, game.Session.Phase);
    }

    [Fact]
    public void End_during_an_open_question_scores_the_answers_already_acknowledged()
    {
        var game = new TestGame(Make.Single(), Make.TrueFalse());
        var (zoe, marc) = (game.Join("Zoé"), game.Join("Marc"));
        game.Start();
        game.Advance(4);
        game.Accepted(zoe, Answers.Choice(1));

        Assert.Null(game.Session.End(game.Now));

        Assert.Equal(SessionPhase.Ended, game.Session.Phase);
        Assert.True(game.Session.CurrentRound!.Closed);
        Assert.Equal(900, zoe.Score);
        Assert.Equal(1, zoe.CorrectCount);
        Assert.Equal(0, marc.Score);
    }

    [Fact]
    public void End_while_paused_also_scores_the_acknowledged_answers()
    {
        var game = new TestGame(new SessionOptions { SpeedScoring = false }, Make.Single());
        var zoe = game.Join("Zoé");
        game.Start();
        Assert.Null(game.Session.Pause(game.Now));
        game.Accepted(zoe, Answers.Choice(1));

        Assert.Null(game.Session.End(game.Now));

        Assert.Equal(1000, zoe.Score);
        Assert.False(game.Session.CurrentRound!.Paused);
    }

    [Theory]
    [InlineData(SessionPhase.Lobby)]
    [InlineData(SessionPhase.Reveal)]
    [InlineData(SessionPhase.Leaderboard)]
    [InlineData(SessionPhase.Podium)]
    public void End_works_from_any_live_phase(SessionPhase phase)
    {
        var game = PhaseFixtures.GameIn(phase);
        Assert.Null(game.Session.End(game.Now));
        Assert.Equal(SessionPhase.Ended, game.Session.Phase);
    }

    [Fact]
    public void Closing_a_question_only_scores_it_once()
    {
        var game = new TestGame(Make.Single());
        var zoe = game.Join("Zoé");
        game.Start();
        game.Accepted(zoe, Answers.Choice(1));
        game.RevealNow();
        var score = zoe.Score;

        Assert.Null(game.Session.End(game.Now));

        Assert.Equal(score, zoe.Score);
    }
}
