using LearnGame.Domain.Questions;
using LearnGame.Domain.Quizzes;
using LearnGame.Domain.Sessions;
using LearnGame.Domain.Teams;
using LearnGame.UnitTests.Support;

namespace LearnGame.UnitTests.Teams;

/// <summary>How teams form: balanced automatically at the start, or chosen in the lobby; moved and renamed by the trainer.</summary>
public class TeamFormationTests
{
    private static SessionOptions Auto(int size) => new() { Teams = new TeamOptions { Formation = TeamFormation.Auto, Size = size } };
    private static SessionOptions Choose(int count) => new() { Teams = new TeamOptions { Formation = TeamFormation.Choose, Count = count } };

    private static string[] Names(int n) => Enumerable.Range(1, n).Select(i => $"Apprenant {i}").ToArray();

    [Theory]
    [InlineData(1, 4, 1)]
    [InlineData(4, 4, 1)]
    [InlineData(5, 4, 2)]
    [InlineData(10, 3, 4)]
    [InlineData(30, 4, 8)]
    public void Automatic_teams_have_the_wished_size_and_differ_by_one_at_most(int learners, int size, int teams)
    {
        var game = new TestGame(Auto(size), Make.Single());
        game.Join(Names(learners));
        Assert.Empty(game.Session.Teams);

        game.Start();

        Assert.Equal(teams, game.Session.Teams.Count);
        var sizes = game.Session.Teams.Select(t => game.Session.Members(t.Id).Count()).ToList();
        Assert.Equal(learners, sizes.Sum());
        Assert.True(sizes.Max() - sizes.Min() <= 1, string.Join(",", sizes));
        Assert.All(game.Session.Seats, s => Assert.NotNull(s.TeamId));
    }

    [Fact]
    public void Automatic_teams_are_shuffled_not_dealt_in_join_order_and_the_same_for_the_same_session()
    {
        static IEnumerable<int?> Deal()
        {
            var game = new TestGame(Auto(2), Make.Single());
            game.Join(Names(12));
            game.Start();
            return game.Session.Seats.Select(s => s.TeamId).ToList();
        }
        var dealt = Deal().ToList();
        Assert.Equal(dealt, Deal());
        // Dealing in join order would give 1,2,3,…,6,1,2,…: friends who join together would rarely share a team.
        Assert.NotEqual(Enumerable.Range(0, 12).Select(i => (int?)(i % 6 + 1)), dealt);
    }

    [Fact]
    public void A_kicked_learner_gets_no_team_and_does_not_count_in_the_sizes()
    {
        var game = new TestGame(Auto(2), Make.Single());
        var seats = game.Join(Names(5));
        game.Session.Kick(seats[4].Id);
        game.Start();
        Assert.Equal(2, game.Session.Teams.Count);
        Assert.Null(game.Session.Seats[4].TeamId);
    }

    [Fact]
    public void Team_names_follow_the_session_language_and_come_round_again_numbered()
    {
        Assert.Equal("Les Hérons", TeamNames.Name(QuizLanguage.Fr, 1));
        Assert.Equal("Herons", TeamNames.Name(QuizLanguage.En, 1));
        Assert.Equal("Les Hérons 2", TeamNames.Name(QuizLanguage.Fr, 13));
        var names = Enumerable.Range(1, 30).Select(i => TeamNames.Name(QuizLanguage.En, i)).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.Matches("^#[0-9a-f]{6}$", TeamNames.Colour(7));
    }

    [Fact]
    public void Where_learners_choose_the_teams_wait_in_the_lobby_and_a_learner_picks_one()
    {
        var game = new TestGame(Choose(3), Make.Single());
        Assert.Equal(["Les Hérons", "Les Lynx", "Les Castors"], game.Session.Teams.Select(t => t.Name));
        var zoe = game.Join("Zoé");

        Assert.Null(game.Session.ChooseTeam(zoe.Id, 2));
        Assert.Equal(2, zoe.TeamId);
        Assert.Null(game.Session.ChooseTeam(zoe.Id, 3));
        Assert.Equal(3, zoe.TeamId);
    }

    [Fact]
    public void Learners_who_did_not_choose_fill_the_smallest_teams_at_the_start()
    {
        var game = new TestGame(Choose(2), Make.Single());
        var seats = game.Join(Names(4));
        game.Session.ChooseTeam(seats[0].Id, 1);
        game.Session.ChooseTeam(seats[1].Id, 1);

        game.Start();

        Assert.Equal([1, 1, 2, 2], seats.Select(s => s.TeamId ?? 0));
    }

    [Fact]
    public void Choosing_a_team_is_refused_with_a_clear_code_and_changes_nothing()
    {
        var individual = new TestGame(Make.Single());
        var ana = individual.Join("Ana");
        Assert.Equal(TeamErrors.NoChoice, individual.Session.ChooseTeam(ana.Id, 1));

        var auto = new TestGame(Auto(2), Make.Single());
        var bob = auto.Join("Bob");
        Assert.Equal(TeamErrors.NoChoice, auto.Session.ChooseTeam(bob.Id, 1));

        var choose = new TestGame(Choose(2), Make.Single());
        var zoe = choose.Join("Zoé");
        Assert.Equal(TeamErrors.TeamNotFound, choose.Session.ChooseTeam(zoe.Id, 3));
        Assert.Equal(GameError.SeatNotFound, choose.Session.ChooseTeam(99, 1));
        Assert.Null(zoe.TeamId);
        choose.Start();
        var team = zoe.TeamId;
        Assert.Equal(GameError.WrongPhase, choose.Session.ChooseTeam(zoe.Id, team == 1 ? 2 : 1));
        Assert.Equal(team, zoe.TeamId);
    }

    [Fact]
    public void A_learner_who_joins_during_the_game_joins_the_smallest_team()
    {
        var game = new TestGame(Auto(2), Make.Single());
        game.Join(Names(3));
        game.Start();
        var late = game.Join("Retardataire");
        var smallest = game.Session.Teams.Where(t => t.Id != late.TeamId).Select(t => game.Session.Members(t.Id).Count()).Single();
        Assert.Equal(2, smallest);
        Assert.Equal(2, game.Session.Members(late.TeamId!.Value).Count());
    }

    [Fact]
    public void The_trainer_moves_a_learner_once_teams_exist()
    {
        var game = new TestGame(Auto(2), Make.Single());
        var seats = game.Join(Names(4));
        Assert.Equal(TeamErrors.NotFormed, game.Session.MoveToTeam(seats[0].Id, 1));
        game.Start();
        var other = seats[0].TeamId == 1 ? 2 : 1;

        Assert.Null(game.Session.MoveToTeam(seats[0].Id, other));

        Assert.Equal(other, seats[0].TeamId);
        Assert.Equal(TeamErrors.TeamNotFound, game.Session.MoveToTeam(seats[0].Id, 9));
        Assert.Equal(GameError.SeatNotFound, game.Session.MoveToTeam(42, 1));
        Assert.Equal(TeamErrors.NotTeamGame, new TestGame(Make.Single()).Session.MoveToTeam(1, 1));
    }

    [Theory]
    [InlineData("  Les Aigles  ", "Les Aigles")]
    [InlineData("<b>Équipe</b>", "<b>Équipe</b>")]
    public void The_trainer_renames_a_team(string raw, string expected)
    {
        var game = new TestGame(Choose(2), Make.Single());
        Assert.Null(game.Session.RenameTeam(2, raw));
        Assert.Equal(expected, game.Session.TeamById(2)!.Name);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    [InlineData("Zéro\u200Blargeur")]
    [InlineData("Une équipe au nom bien trop long")]
    public void A_bad_team_name_is_refused_and_the_old_name_stays(string? raw)
    {
        var game = new TestGame(Choose(2), Make.Single());
        Assert.Equal(TeamNames.Invalid, game.Session.RenameTeam(1, raw));
        Assert.Equal("Les Hérons", game.Session.TeamById(1)!.Name);
    }

    [Theory]
    [InlineData(TeamFormation.Auto, 1, 4, "teams.size")]
    [InlineData(TeamFormation.Auto, 51, 4, "teams.size")]
    [InlineData(TeamFormation.Choose, 4, 1, "teams.count")]
    [InlineData(TeamFormation.Choose, 4, 101, "teams.count")]
    public void Team_options_out_of_range_are_named(TeamFormation formation, int size, int count, string field)
    {
        var options = new SessionOptions { Teams = new TeamOptions { Formation = formation, Size = size, Count = count } };
        Assert.Equal([field], options.Problems().Select(p => p.Path));
        Assert.Empty(new SessionOptions().Problems());
        Assert.Empty(new SessionOptions { Teams = new TeamOptions() }.Problems());
    }
}
