using LearnGame.Domain.Sessions;
using LearnGame.Domain.Sessions.Views;
using LearnGame.Domain.Teams;
using LearnGame.UnitTests.Support;

namespace LearnGame.UnitTests.Teams;

/// <summary>Team score in individual rounds: the mean of the members' points; the score belongs to the team.</summary>
public class TeamScoringTests
{
    private static readonly SessionOptions TwoTeamsToChoose =
        new() { SpeedScoring = false, Teams = new TeamOptions { Formation = TeamFormation.Choose, Count = 2 } };

    /// <summary>Team 1: Zoé and Marc; team 2: Ana and Bob.</summary>
    private static (TestGame Game, Seat Zoe, Seat Marc, Seat Ana, Seat Bob) TwoTeams(params Domain.Questions.Question[] questions)
    {
        var game = new TestGame(TwoTeamsToChoose, questions.Length == 0 ? [Make.Single(), Make.Single()] : questions);
        var (zoe, marc, ana, bob) = (game.Join("Zoé"), game.Join("Marc"), game.Join("Ana"), game.Join("Bob"));
        game.Session.ChooseTeam(zoe.Id, 1);
        game.Session.ChooseTeam(marc.Id, 1);
        game.Session.ChooseTeam(ana.Id, 2);
        game.Session.ChooseTeam(bob.Id, 2);
        game.Start();
        return (game, zoe, marc, ana, bob);
    }

    [Fact]
    public void A_team_earns_the_mean_of_its_members_points_counting_those_who_did_not_answer()
    {
        var (game, zoe, marc, ana, _) = TwoTeams();
        game.Accepted(zoe, Answers.Choice(1));
        game.Accepted(marc, Answers.Choice(1));
        game.Accepted(ana, Answers.Choice(1));

        game.RevealNow();

        Assert.Equal(1000, game.Session.TeamById(1)!.Score);
        Assert.Equal(500, game.Session.TeamById(2)!.Score);
        var results = game.Session.CurrentRound!.TeamResults!;
        Assert.True(results.Single(r => r.TeamId == 1).Correct);
        Assert.False(results.Single(r => r.TeamId == 2).Correct); // one right out of two is not a majority
        Assert.Equal(1, results.Single(r => r.TeamId == 2).Votes);
    }

    [Fact]
    public void A_team_keeps_its_score_when_every_member_leaves()
    {
        var (game, zoe, marc, _, _) = TwoTeams();
        game.Accepted(zoe, Answers.Choice(1));
        game.Accepted(marc, Answers.Choice(1));
        game.RevealNow();
        game.Session.Kick(zoe.Id);
        game.Session.Kick(marc.Id);
        game.NextQuestion();
        game.RevealNow();

        Assert.Equal(1000, game.Session.TeamById(1)!.Score);
        Assert.Equal(0, game.Session.CurrentRound!.TeamResults!.Single(r => r.TeamId == 1).Points);
        Assert.Equal(1, SessionViews.TeamBoard(game.Session)![0].TeamId);
        Assert.Equal(0, SessionViews.TeamBoard(game.Session)![0].Members);
    }

    [Fact]
    public void Points_won_before_a_move_stay_with_the_old_team()
    {
        var (game, zoe, _, _, _) = TwoTeams();
        game.Accepted(zoe, Answers.Choice(1));
        game.RevealNow();
        Assert.Null(game.Session.MoveToTeam(zoe.Id, 2));
        game.NextQuestion();
        game.Accepted(zoe, Answers.Choice(1));
        game.RevealNow();

        Assert.Equal(500, game.Session.TeamById(1)!.Score);
        Assert.Equal(367, game.Session.TeamById(2)!.Score); // 1100 (with her streak bonus) shared by three members
    }

    [Fact]
    public void Teams_rank_by_score_then_rounds_won_then_number()
    {
        var (game, zoe, marc, ana, bob) = TwoTeams();
        game.Accepted(ana, Answers.Choice(1));
        game.Accepted(bob, Answers.Choice(1));
        game.Accepted(zoe, Answers.Choice(1));
        game.RevealNow();
        var board = SessionViews.TeamBoard(game.Session)!;
        Assert.Equal([2, 1], board.Select(t => t.TeamId));
        Assert.Equal([1, 2], board.Select(t => t.Rank));

        var even = new TestGame(TwoTeamsToChoose, Make.Single());
        even.Join("Seule");
        even.Start();
        even.RevealNow();
        Assert.Equal([1, 2], SessionViews.TeamBoard(even.Session)!.Select(t => t.TeamId));
    }

    [Fact]
    public void Leaderboard_results_and_standings_carry_the_team()
    {
        var (game, zoe, marc, ana, _) = TwoTeams();
        game.Accepted(zoe, Answers.Choice(1));
        game.Accepted(marc, Answers.Choice(1));
        game.RevealNow();

        var ranks = SessionViews.Ranks(game.Session);
        var result = SessionViews.Results(game.Session, ranks)[ana.Id];
        Assert.Equal(2, result.Team!.TeamId);
        Assert.Equal(2, result.Team.Rank);
        var standing = SessionViews.Standing(game.Session, zoe, ranks);
        Assert.Equal((1, 1, 1000), (standing.TeamId, standing.TeamRank, standing.TeamScore));
        Assert.Equal(2, SessionViews.Leaderboard(game.Session).Teams!.Count);
        Assert.Equal(2, SessionViews.Reveal(game.Session)!.Teams!.Count);
        Assert.Null(SessionViews.Leaderboard(new TestGame(Make.Single()).Session).Teams);
    }
}
