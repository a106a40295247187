using LearnGame.Domain.Questions;
using LearnGame.Domain.Scoring;

namespace LearnGame.UnitTests.Scoring;

public class ScoringRulesTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    private static int Points(double credit, double elapsedSeconds, bool speed = true, PointsMode mode = PointsMode.Standard, double limitSeconds = 20) =>
        ScoringRules.AnswerPoints(mode, credit, TimeSpan.FromSeconds(elapsedSeconds), TimeSpan.FromSeconds(limitSeconds), speed);

    [Theory]
    [InlineData(PointsMode.Standard, 1000)]
    [InlineData(PointsMode.Double, 2000)]
    [InlineData(PointsMode.None, 0)]
    public void Base_points_depend_on_the_points_mode(PointsMode mode, int points) =>
        Assert.Equal(points, ScoringRules.BasePoints(mode));

    [Theory]
    [InlineData(0, 1000)]
    [InlineData(10, 750)]
    [InlineData(5, 875)]
    [InlineData(20, 500)]
    public void With_speed_scoring_a_right_answer_earns_from_all_points_at_once_to_half_at_the_limit(double elapsed, int points) =>
        Assert.Equal(points, Points(credit: 1, elapsed));

    [Theory]
    [InlineData(0, 2000)]
    [InlineData(10, 1500)]
    [InlineData(20, 1000)]
    public void Double_questions_double_the_speed_scale(double elapsed, int points) =>
        Assert.Equal(points, Points(credit: 1, elapsed, mode: PointsMode.Double));

    [Theory]
    [InlineData(25)]
    [InlineData(3600)]
    public void Elapsed_time_beyond_the_limit_counts_as_the_limit(double elapsed) => Assert.Equal(500, Points(credit: 1, elapsed));

    [Fact]
    public void Negative_elapsed_time_counts_as_an_instant_answer() => Assert.Equal(1000, Points(credit: 1, -3));

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(20)]
    [InlineData(60)]
    public void Without_speed_scoring_a_right_answer_always_earns_all_points(double elapsed)
    {
        Assert.Equal(1000, Points(credit: 1, elapsed, speed: false));
        Assert.Equal(2000, Points(credit: 1, elapsed, speed: false, mode: PointsMode.Double));
    }

    [Fact]
    public void A_zero_time_limit_disables_the_speed_component() => Assert.Equal(1000, Points(credit: 1, 0, limitSeconds: 0));

    [Theory]
    [InlineData(0.5, 0, true, 500)]
    [InlineData(0.5, 20, true, 250)]
    [InlineData(0.5, 10, true, 375)]
    [InlineData(0.25, 0, false, 250)]
    public void Partial_credit_scales_the_points(double credit, double elapsed, bool speed, int points) =>
        Assert.Equal(points, Points(credit, elapsed, speed));

    [Theory]
    [InlineData(1.0 / 3, 333)]
    [InlineData(2.0 / 3, 667)]
    [InlineData(0.0625, 63)]
    [InlineData(0.0005, 1)]
    public void Points_are_rounded_to_the_nearest_integer_with_halves_rounded_up(double credit, int points) =>
        Assert.Equal(points, Points(credit, 0, speed: false));

    [Fact]
    public void Halves_from_the_speed_component_are_rounded_up_too() =>
        // 3 s of 8 s: factor 1 − 0.5 × 0.375 = 0.8125, 812.5 points, rounded up (banker's rounding would give 812).
        Assert.Equal(813, Points(credit: 1, 3, limitSeconds: 8));

    [Theory]
    [InlineData(1.5, 1000)]
    [InlineData(100, 1000)]
    [InlineData(0, 0)]
    [InlineData(-0.5, 0)]
    public void Credit_is_clamped_between_zero_and_one(double credit, int points) =>
        Assert.Equal(points, Points(credit, 0, speed: false));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_question_worth_no_points_earns_nothing(bool speed) =>
        Assert.Equal(0, Points(credit: 1, 0, speed, mode: PointsMode.None));

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 0)]
    [InlineData(2, 100)]
    [InlineData(3, 200)]
    [InlineData(5, 400)]
    [InlineData(6, 500)]
    [InlineData(7, 500)]
    [InlineData(100, 500)]
    public void The_streak_bonus_is_100_per_earlier_right_answer_in_a_row_capped_at_500(int streak, int bonus) =>
        Assert.Equal(bonus, ScoringRules.StreakBonus(PointsMode.Standard, streak));

    [Fact]
    public void The_streak_bonus_is_not_doubled_on_double_questions() =>
        Assert.Equal(200, ScoringRules.StreakBonus(PointsMode.Double, 3));

    [Theory]
    [InlineData(2)]
    [InlineData(10)]
    public void A_question_worth_no_points_gives_no_streak_bonus(int streak) =>
        Assert.Equal(0, ScoringRules.StreakBonus(PointsMode.None, streak));

    [Theory]
    [InlineData(1, true)]
    [InlineData(1 - 1e-12, true)]
    [InlineData(0.999, false)]
    [InlineData(2.0 / 3, false)]
    [InlineData(0, false)]
    public void Only_full_credit_counts_as_correct(double credit, bool correct) =>
        Assert.Equal(correct, ScoringRules.IsCorrect(credit));

    [Fact]
    public void The_numbers_in_the_scoring_doc_hold()
    {
        Assert.Equal(1000, ScoringRules.StandardPoints);
        Assert.Equal(100, ScoringRules.StreakBonusStep);
        Assert.Equal(500, ScoringRules.MaxStreakBonus);
        Assert.Equal(0.5, ScoringRules.SlowestShare);
        Assert.Equal(750, ScoringRules.AnswerPoints(PointsMode.Standard, 1, Limit / 2, Limit, speedScoring: true));
    }
}
