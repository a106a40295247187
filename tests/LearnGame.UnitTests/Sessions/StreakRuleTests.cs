using LearnGame.Domain.Questions;
using LearnGame.Domain.Sessions;
using LearnGame.Domain.Teams;
using LearnGame.UnitTests.Support;

namespace LearnGame.UnitTests.Sessions;

/// <summary>The one streak rule that individual and team rounds both score with.</summary>
public class StreakRuleTests
{
    [Fact]
    public void Each_correct_answer_in_a_row_extends_the_streak_and_earns_a_growing_bonus()
    {
        var seat = new Seat();

        var bonuses = Enumerable.Range(0, 7).Select(_ => seat.ContinueStreak(correct: true, PointsMode.Standard)).ToList();

        Assert.Equal([0, 100, 200, 300, 400, 500, 500], bonuses);
        Assert.Equal(7, seat.Streak);
        Assert.Equal(7, seat.BestStreak);
    }

    [Fact]
    public void A_wrong_answer_or_none_ends_the_streak_but_keeps_the_best_one()
    {
        var seat = new Seat();
        seat.ContinueStreak(correct: true, PointsMode.Standard);
        seat.ContinueStreak(correct: true, PointsMode.Standard);

        var bonus = seat.ContinueStreak(correct: false, PointsMode.Standard);

        Assert.Equal(0, bonus);
        Assert.Equal(0, seat.Streak);
        Assert.Equal(2, seat.BestStreak);
        Assert.Equal(0, seat.ContinueStreak(correct: true, PointsMode.Standard));
        Assert.Equal(1, seat.Streak);
    }

    [Fact]
    public void A_question_worth_no_points_extends_the_streak_without_a_bonus()
    {
        var seat = new Seat();
        seat.ContinueStreak(correct: true, PointsMode.Standard);

        Assert.Equal(0, seat.ContinueStreak(correct: true, PointsMode.None));
        Assert.Equal(2, seat.Streak);
    }

    [Fact]
    public void A_streak_begun_in_an_individual_round_goes_on_with_its_bonus_in_a_consensus_round()
    {
        var options = new SessionOptions { SpeedScoring = false, Teams = new TeamOptions { Formation = TeamFormation.Choose, Count = 2 } };
        var game = new TestGame(options, Make.Single(), Make.Single() with { Collaborative = true });
        var (zoe, marc) = (game.Join("Zoé"), game.Join("Marc"));
        game.Session.ChooseTeam(zoe.Id, 1);
        game.Session.ChooseTeam(marc.Id, 1);
        game.Start();
        game.Accepted(zoe, Answers.Choice(1));
        game.RevealNow();
        game.NextQuestion();

        var zoeVote = game.Accepted(zoe, Answers.Choice(1));
        var marcVote = game.Accepted(marc, Answers.Choice(1));
        game.RevealNow();

        Assert.Equal((2, 1100), (zoe.Streak, zoeVote.Points));
        Assert.Equal((1, 1000), (marc.Streak, marcVote.Points));
        Assert.Equal(2, zoeVote.StreakAfter);
    }
}
