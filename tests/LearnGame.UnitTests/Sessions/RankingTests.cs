using LearnGame.Domain.Sessions;
using LearnGame.UnitTests.Support;

namespace LearnGame.UnitTests.Sessions;

/// <summary>Rank order: score, then correct answers, then time taken by correct answers, then join order.</summary>
public class RankingTests
{
    private static readonly SessionOptions AccuracyOnly = new() { SpeedScoring = false };

    private static string[] Ranking(TestGame game) => game.Session.Ranking().Select(s => s.Nickname).ToArray();

    [Fact]
    public void The_highest_score_ranks_first()
    {
        var game = new TestGame(Make.TrueFalse());
        var (slow, wrong, fast) = (game.Join("Lent"), game.Join("Faux"), game.Join("Rapide"));
        game.Start();
        game.Accepted(wrong, Answers.Flag(false));
        game.Advance(2);
        game.Accepted(fast, Answers.Flag(true));
        game.Advance(10);
        game.Accepted(slow, Answers.Flag(true));
        game.RevealNow();

        Assert.Equal(["Rapide", "Lent", "Faux"], Ranking(game));
    }

    [Fact]
    public void At_equal_score_more_correct_answers_rank_first_even_if_slower()
    {
        var game = new TestGame(AccuracyOnly, Make.TrueFalse(), Make.TrueFalse(points: Domain.Questions.PointsMode.None));
        var (marc, zoe) = (game.Join("Marc"), game.Join("Zoé"));
        game.Start();
        game.Accepted(marc, Answers.Flag(true));
        game.Advance(5);
        game.Accepted(zoe, Answers.Flag(true));
        game.RevealNow();
        game.NextQuestion();
        game.Accepted(marc, Answers.Flag(false));
        game.Accepted(zoe, Answers.Flag(true));
        game.RevealNow();

        Assert.Equal((1000, 1000), (marc.Score, zoe.Score));
        Assert.True(zoe.CorrectTimeMs > marc.CorrectTimeMs);
        Assert.Equal(["Zoé", "Marc"], Ranking(game));
    }

    [Fact]
    public void At_equal_score_and_correct_answers_the_faster_learner_ranks_first()
    {
        var game = new TestGame(AccuracyOnly, Make.TrueFalse());
        var (marc, zoe) = (game.Join("Marc"), game.Join("Zoé"));
        game.Start();
        game.Advance(2);
        game.Accepted(zoe, Answers.Flag(true));
        game.Advance(4);
        game.Accepted(marc, Answers.Flag(true));
        game.RevealNow();

        Assert.Equal((1000, 1000), (marc.Score, zoe.Score));
        Assert.Equal(["Zoé", "Marc"], Ranking(game));
    }

    [Fact]
    public void A_complete_tie_is_broken_by_join_order()
    {
        var game = new TestGame(AccuracyOnly, Make.TrueFalse());
        var (marc, zoe, lea) = (game.Join("Marc"), game.Join("Zoé"), game.Join("Léa"));
        game.Start();
        game.Advance(3);
        game.Accepted(lea, Answers.Flag(true));
        game.Accepted(zoe, Answers.Flag(true));
        game.Accepted(marc, Answers.Flag(true));
        game.RevealNow();

        Assert.Equal(["Marc", "Zoé", "Léa"], Ranking(game));
    }

    [Fact]
    public void Before_any_score_the_ranking_is_the_join_order()
    {
        var game = new TestGame(Make.TrueFalse());
        game.Join("Marc", "Zoé", "Léa");
        Assert.Equal(["Marc", "Zoé", "Léa"], Ranking(game));
    }

    [Fact]
    public void Kicked_learners_are_not_ranked()
    {
        var game = new TestGame(Make.TrueFalse());
        var (marc, _) = (game.Join("Marc"), game.Join("Zoé"));
        game.Session.Kick(marc.Id);

        Assert.Equal(["Zoé"], Ranking(game));
    }
}
