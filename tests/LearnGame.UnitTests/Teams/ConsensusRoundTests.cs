using LearnGame.Domain.Questions;
using LearnGame.Domain.Sessions;
using LearnGame.Domain.Sessions.Views;
using LearnGame.Domain.Teams;
using LearnGame.UnitTests.Support;

namespace LearnGame.UnitTests.Teams;

/// <summary>A collaborative question in a team session: members vote, may change their vote, and share the team's result.</summary>
public class ConsensusRoundTests
{
    private static SingleChoiceQuestion Collaborative() => Make.Single() with { Collaborative = true };

    /// <summary>One team of three (Zoé, Marc, Ana) and one of one (Bob); the first question is collaborative.</summary>
    private static (TestGame Game, Seat Zoe, Seat Marc, Seat Ana, Seat Bob) Teams(TieBreak tieBreak = TieBreak.FirstVote)
    {
        var options = new SessionOptions { Teams = new TeamOptions { Formation = TeamFormation.Choose, Count = 2, TieBreak = tieBreak } };
        var game = new TestGame(options, Collaborative(), Collaborative());
        var (zoe, marc, ana, bob) = (game.Join("Zoé"), game.Join("Marc"), game.Join("Ana"), game.Join("Bob"));
        foreach (var s in new[] { zoe, marc, ana }) game.Session.ChooseTeam(s.Id, 1);
        game.Session.ChooseTeam(bob.Id, 2);
        game.Start();
        Assert.True(game.Session.CurrentRound!.Consensus);
        return (game, zoe, marc, ana, bob);
    }

    [Fact]
    public void The_team_is_scored_on_its_majority_and_every_voter_shares_the_result()
    {
        var (game, zoe, marc, ana, bob) = Teams();
        game.Accepted(zoe, Answers.Choice(1));
        game.Accepted(marc, Answers.Choice(1));
        game.Accepted(ana, Answers.Choice(3));
        game.Accepted(bob, Answers.Choice(2));
        game.Advance(15);

        game.RevealNow();

        var team = game.Session.CurrentRound!.TeamResults!.Single(r => r.TeamId == 1);
        Assert.Equal([1], team.Answer!.Choices!);
        Assert.True(team.Correct);
        Assert.Equal(1000, team.Points); // no speed component for a team answer
        Assert.Equal(1000, game.Session.TeamById(1)!.Score);
        Assert.Equal(0, game.Session.TeamById(2)!.Score);
        // Ana voted wrong but shares her team's right answer; she sees how she voted.
        Assert.Equal(1000, ana.Score);
        var result = SessionViews.Results(game.Session, SessionViews.Ranks(game.Session))[ana.Id];
        Assert.True(result.Correct);
        Assert.False(result.OwnVoteCorrect);
        Assert.True(SessionViews.Results(game.Session, SessionViews.Ranks(game.Session))[zoe.Id].OwnVoteCorrect);
        Assert.Equal(0, bob.Score);
    }

    [Fact]
    public void A_member_who_did_not_vote_scores_nothing()
    {
        var (game, zoe, marc, _, _) = Teams();
        game.Accepted(zoe, Answers.Choice(1));
        game.RevealNow();
        Assert.Equal(1000, zoe.Score);
        Assert.Equal(0, marc.Score);
        Assert.Equal(0, marc.Streak);
    }

    [Fact]
    public void A_member_may_change_its_vote_until_the_deadline_and_a_late_retry_of_an_old_vote_changes_nothing()
    {
        var (game, zoe, _, _, _) = Teams();
        game.Answer(zoe, Answers.Choice(0), answerId: "first");
        var changed = game.Answer(zoe, Answers.Choice(1), answerId: "second");
        Assert.Null(changed.Error);
        Assert.False(changed.IsRepeat);

        var retry = game.Answer(zoe, Answers.Choice(0), answerId: "first");

        Assert.True(retry.IsRepeat);
        Assert.Equal([1], game.Session.CurrentRound!.Answers[zoe.Id].Answer.Choices!);
        game.Advance(20);
        Assert.Equal(GameError.AnswerTooLate, game.Answer(zoe, Answers.Choice(2), answerId: "third").Error);
    }

    [Fact]
    public void A_consensus_round_does_not_close_early_when_everyone_has_voted()
    {
        var (game, zoe, marc, ana, bob) = Teams();
        foreach (var s in new[] { zoe, marc, ana, bob }) game.Accepted(s, Answers.Choice(1));
        Assert.False(game.Session.AllAnswered([zoe.Id, marc.Id, ana.Id, bob.Id]));
    }

    [Fact]
    public void With_the_captain_rule_the_captain_of_the_round_breaks_the_tie_and_the_captaincy_rotates()
    {
        var (game, zoe, marc, ana, _) = Teams(TieBreak.Captain);
        game.Session.Kick(ana.Id); // a team of two: every split vote is a tie
        // Round 1: the captain is the first member in seat order, Zoé.
        game.Accepted(marc, Answers.Choice(1));
        game.Accepted(zoe, Answers.Choice(0));
        game.RevealNow();
        Assert.Equal([0], game.Session.CurrentRound!.TeamResults!.Single(r => r.TeamId == 1).Answer!.Choices!);

        // Round 2: Marc.
        game.NextQuestion();
        game.Accepted(zoe, Answers.Choice(0));
        game.Accepted(marc, Answers.Choice(1));
        game.RevealNow();
        Assert.Equal([1], game.Session.CurrentRound!.TeamResults!.Single(r => r.TeamId == 1).Answer!.Choices!);
    }

    [Fact]
    public void Teammates_see_each_others_votes_and_only_their_own_team()
    {
        var (game, zoe, marc, _, bob) = Teams();
        game.Accepted(zoe, Answers.Choice(2));
        game.Accepted(bob, Answers.Choice(3));

        var votes = SessionViews.TeamVotes(game.Session, 1)!;

        Assert.Equal([zoe.Id, marc.Id, 3], votes.Votes.Select(v => v.SeatId));
        Assert.Equal([2], votes.Votes[0].Answer!.Choices!);
        Assert.Null(votes.Votes[1].Answer);
        Assert.DoesNotContain(votes.Votes, v => v.SeatId == bob.Id);
    }

    [Fact]
    public void A_collaborative_question_in_an_individual_session_is_played_individually()
    {
        var game = new TestGame(new SessionOptions { SpeedScoring = false }, Collaborative());
        var (zoe, marc) = (game.Join("Zoé"), game.Join("Marc"));
        game.Start();
        Assert.False(game.Session.CurrentRound!.Consensus);
        game.Accepted(zoe, Answers.Choice(1));
        Assert.Equal(GameError.AlreadyAnswered, game.Answer(zoe, Answers.Choice(2)).Error);
        game.Accepted(marc, Answers.Choice(0));
        game.RevealNow();
        Assert.Equal((1000, 0), (zoe.Score, marc.Score));
        Assert.Null(game.Session.CurrentRound!.TeamResults);
    }
}
