using LearnGame.Domain.Questions;
using LearnGame.Domain.Sessions;
using LearnGame.UnitTests.Support;

namespace LearnGame.UnitTests.Sessions;

public class SessionScoringTests
{
    private static readonly SessionOptions AccuracyOnly = new() { SpeedScoring = false };

    [Theory]
    [InlineData(0, 1000)]
    [InlineData(5, 875)]
    [InlineData(10, 750)]
    [InlineData(19.999, 500)]
    public void With_speed_scoring_faster_right_answers_earn_more(double seconds, int points)
    {
        var game = new TestGame(Make.Single(timeLimitSeconds: 20));
        var zoe = game.Join("Zoé");
        game.Start();
        game.Advance(seconds);
        var answer = game.Accepted(zoe, Answers.Choice(1));

        game.RevealNow();

        Assert.Equal(points, answer.Points);
        Assert.Equal(points, zoe.Score);
        Assert.True(answer.Correct);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(19)]
    public void Without_speed_scoring_every_right_answer_earns_the_same(double seconds)
    {
        var game = new TestGame(AccuracyOnly, Make.Single(timeLimitSeconds: 20));
        var zoe = game.Join("Zoé");
        game.Start();
        game.Advance(seconds);
        game.Accepted(zoe, Answers.Choice(1));

        game.RevealNow();

        Assert.Equal(1000, zoe.Score);
    }

    [Fact]
    public void A_wrong_answer_earns_nothing_and_counts_nothing()
    {
        var game = new TestGame(Make.Single());
        var zoe = game.Join("Zoé");
        game.Start();
        var answer = game.Accepted(zoe, Answers.Choice(0));

        game.RevealNow();

        Assert.Equal((0, 0, 0, 0L), (answer.Points, zoe.Score, zoe.CorrectCount, zoe.CorrectTimeMs));
        Assert.False(answer.Correct);
    }

    [Fact]
    public void A_streak_of_three_right_answers_earns_a_growing_bonus()
    {
        var game = new TestGame(AccuracyOnly, Make.Single(), Make.TrueFalse(), Make.Typed("Paris"));
        var zoe = game.Join("Zoé");
        game.Start();
        var first = game.Accepted(zoe, Answers.Choice(1));
        game.RevealNow();
        game.NextQuestion();
        var second = game.Accepted(zoe, Answers.Flag(true));
        game.RevealNow();
        game.NextQuestion();
        var third = game.Accepted(zoe, Answers.Text(" paris "));
        game.RevealNow();

        Assert.Equal([1000, 1100, 1200], [first.Points, second.Points, third.Points]);
        Assert.Equal([1, 2, 3], [first.StreakAfter, second.StreakAfter, third.StreakAfter]);
        Assert.Equal((3300, 3, 3, 3), (zoe.Score, zoe.Streak, zoe.BestStreak, zoe.CorrectCount));
    }

    [Fact]
    public void The_streak_bonus_stops_growing_at_500()
    {
        var questions = Enumerable.Range(0, 8).Select(_ => (Question)Make.TrueFalse()).ToArray();
        var game = new TestGame(AccuracyOnly, questions);
        var zoe = game.Join("Zoé");
        game.Start();
        var answers = new List<SubmittedAnswer>();
        for (var i = 0; i < questions.Length; i++)
        {
            if (i > 0) game.NextQuestion();
            answers.Add(game.Accepted(zoe, Answers.Flag(true)));
            game.RevealNow();
        }

        Assert.Equal([1000, 1100, 1200, 1300, 1400, 1500, 1500, 1500], answers.Select(a => a.Points));
    }

    [Fact]
    public void A_wrong_answer_breaks_the_streak_and_best_streak_remembers_it()
    {
        var game = new TestGame(AccuracyOnly, Make.TrueFalse(), Make.TrueFalse(), Make.TrueFalse(), Make.TrueFalse());
        var zoe = game.Join("Zoé");
        game.Start();
        var answers = new List<SubmittedAnswer>();
        foreach (var given in new[] { true, true, false, true })
        {
            if (answers.Count > 0) game.NextQuestion();
            answers.Add(game.Accepted(zoe, Answers.Flag(given)));
            game.RevealNow();
        }

        Assert.Equal([1000, 1100, 0, 1000], answers.Select(a => a.Points));
        Assert.Equal((1, 2), (zoe.Streak, zoe.BestStreak));
    }

    [Fact]
    public void Not_answering_breaks_the_streak()
    {
        var game = new TestGame(AccuracyOnly, Make.TrueFalse(), Make.TrueFalse(), Make.TrueFalse());
        var zoe = game.Join("Zoé");
        game.Start();
        game.Accepted(zoe, Answers.Flag(true));
        game.RevealNow();
        game.NextQuestion();
        game.RevealNow();
        Assert.Equal(0, zoe.Streak);
        game.NextQuestion();

        var restarted = game.Accepted(zoe, Answers.Flag(true));
        game.RevealNow();

        Assert.Equal((1000, 1), (restarted.Points, restarted.StreakAfter));
    }

    [Fact]
    public void Partial_credit_earns_partial_points_but_is_not_correct_and_breaks_the_streak()
    {
        var game = new TestGame(AccuracyOnly, Make.TrueFalse(), Make.Multiple(0, 1, 2));
        var zoe = game.Join("Zoé");
        game.Start();
        game.Accepted(zoe, Answers.Flag(true));
        game.RevealNow();
        game.NextQuestion();
        var partial = game.Accepted(zoe, Answers.Choices(0, 1));

        game.RevealNow();

        Assert.Equal(2.0 / 3, partial.Credit, precision: 12);
        Assert.Equal(667, partial.Points);
        Assert.False(partial.Correct);
        Assert.Equal((0, 1, 1667), (zoe.Streak, zoe.CorrectCount, zoe.Score));
    }

    [Fact]
    public void A_poll_awards_nothing_and_leaves_the_streak_unchanged()
    {
        var game = new TestGame(AccuracyOnly, Make.TrueFalse(), Make.Poll(), Make.TrueFalse());
        var (zoe, marc) = (game.Join("Zoé"), game.Join("Marc"));
        game.Start();
        game.Accepted(zoe, Answers.Flag(true));
        game.Accepted(marc, Answers.Flag(true));
        game.RevealNow();
        game.NextQuestion();
        var pollAnswer = game.Accepted(zoe, Answers.Choice(0)); // Marc does not answer the poll

        game.RevealNow();

        Assert.Equal((0, false, 0), (pollAnswer.Points, pollAnswer.Correct, pollAnswer.StreakAfter));
        Assert.Equal((1000, 1, 1), (zoe.Score, zoe.Streak, zoe.CorrectCount));
        Assert.Equal((1000, 1), (marc.Score, marc.Streak));
        game.NextQuestion();
        game.Accepted(zoe, Answers.Flag(true));
        game.RevealNow();
        Assert.Equal(2100, zoe.Score);
    }

    [Fact]
    public void A_double_question_doubles_the_points_but_not_the_streak_bonus()
    {
        var game = new TestGame(Make.TrueFalse(), Make.Single(points: PointsMode.Double));
        var zoe = game.Join("Zoé");
        game.Start();
        game.Accepted(zoe, Answers.Flag(true));
        game.RevealNow();
        game.NextQuestion();
        game.Advance(10);
        var answer = game.Accepted(zoe, Answers.Choice(1));

        game.RevealNow();

        Assert.Equal(1500 + 100, answer.Points);
    }

    [Fact]
    public void A_question_worth_no_points_still_counts_as_correct_and_extends_the_streak_without_bonus()
    {
        var game = new TestGame(AccuracyOnly, Make.TrueFalse(), Make.TrueFalse(points: PointsMode.None), Make.TrueFalse());
        var zoe = game.Join("Zoé");
        game.Start();
        game.Accepted(zoe, Answers.Flag(true));
        game.RevealNow();
        game.NextQuestion();
        var unscored = game.Accepted(zoe, Answers.Flag(true));
        game.RevealNow();

        Assert.Equal((0, true, 2), (unscored.Points, unscored.Correct, unscored.StreakAfter));
        game.NextQuestion();
        game.Accepted(zoe, Answers.Flag(true));
        game.RevealNow();
        Assert.Equal((1000 + 0 + 1200, 3), (zoe.Score, zoe.CorrectCount));
    }

    [Fact]
    public void Only_right_answers_add_to_the_correct_time()
    {
        var game = new TestGame(Make.TrueFalse(), Make.TrueFalse());
        var zoe = game.Join("Zoé");
        game.Start();
        game.Advance(3);
        game.Accepted(zoe, Answers.Flag(true));
        game.RevealNow();
        game.NextQuestion();
        game.Advance(7);
        game.Accepted(zoe, Answers.Flag(false));
        game.RevealNow();

        Assert.Equal(3000, zoe.CorrectTimeMs);
    }

    [Fact]
    public void A_kicked_learners_answer_is_not_scored()
    {
        var game = new TestGame(Make.TrueFalse());
        var (zoe, marc) = (game.Join("Zoé"), game.Join("Marc"));
        game.Start();
        var answer = game.Accepted(zoe, Answers.Flag(true));
        game.Session.Kick(zoe.Id);

        game.RevealNow();

        Assert.Equal((0, 0), (answer.Points, zoe.Score));
        Assert.Equal(0, marc.Score);
    }
}
