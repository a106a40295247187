using LearnGame.Domain.Questions;
using LearnGame.Domain.Sessions;

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
}
