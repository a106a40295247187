using System.Text.Json;
using LearnGame.Domain.Questions;
using LearnGame.Domain.Quizzes;
using LearnGame.Domain.Sessions;
using LearnGame.Domain.Teams;
using LearnGame.UnitTests.Support;

namespace LearnGame.UnitTests.Sessions;

/// <summary>
/// Storage keeps the final (leading closed) rounds apart and writes them once. That is safe only because a closed round
/// never changes again, which these tests hold the rules to.
/// </summary>
public class RoundsStoredApartTests
{
    private static string Json<T>(T value) => JsonSerializer.Serialize(value, QuizJson.Options);

    /// <summary>A team game through every way a round ends: scored, consensus, peer instruction, skipped, and ended early.</summary>
    [Fact]
    public void A_closed_round_never_changes_whatever_happens_after_it()
    {
        var options = new SessionOptions { Teams = new TeamOptions { Formation = TeamFormation.Choose, Count = 2 } };
        var game = new TestGame(options, Make.Single(), Make.Single() with { Collaborative = true },
            Make.Single() with { PeerInstruction = true }, Make.Typed("chat"), Make.Single(), Make.Single());
        var (zoe, marc, ana) = (game.Join("Zoé"), game.Join("Marc"), game.Join("Ana"));
        game.Session.ChooseTeam(zoe.Id, 1);
        game.Session.ChooseTeam(marc.Id, 1);
        game.Session.ChooseTeam(ana.Id, 2);
        game.Start();
        var closed = new Dictionary<int, string>();
        void NoteClosed()
        {
            foreach (var round in game.Session.Rounds.Take(game.Session.FinalRoundCount)) closed.TryAdd(round.QuestionIndex, Json(round));
            foreach (var (index, json) in closed) Assert.Equal(json, Json(game.Session.Rounds.Single(r => r.QuestionIndex == index)));
        }

        game.Accepted(zoe, Answers.Choice(1));
        game.Accepted(marc, Answers.Choice(0));
        game.RevealNow();
        NoteClosed();
        Assert.Equal(1, game.Session.FinalRoundCount);
        game.Session.Kick(marc.Id);
        game.Session.SetExtraTime(ana.Id, 50, 0);
        game.Session.ForgetLearner(Guid.NewGuid());
        NoteClosed();
        game.NextQuestion(); // consensus
        game.Accepted(zoe, Answers.Choice(1));
        game.Accepted(ana, Answers.Choice(2));
        game.Advance(30);
        game.Session.Tick(game.Now);
        NoteClosed();
        game.NextQuestion(); // peer instruction: the first vote does not close the round
        game.Accepted(zoe, Answers.Choice(1));
        game.Advance(30);
        game.Session.Tick(game.Now);
        Assert.Equal(SessionPhase.Discussion, game.Session.Phase);
        Assert.Equal(2, game.Session.FinalRoundCount);
        game.Next();
        game.Accepted(zoe, Answers.Choice(2));
        game.RevealNow();
        NoteClosed();
        game.Next();
        game.Next(); // typed answer
        Assert.Null(game.Session.Skip(game.Now));
        NoteClosed();
        game.Accepted(zoe, Answers.Choice(1));
        Assert.Null(game.Session.End(game.Now));
        NoteClosed();

        Assert.Equal(game.Session.Rounds.Count, game.Session.FinalRoundCount);
        Assert.Equal(5, closed.Count);
    }

    [Fact]
    public void The_open_round_and_a_peer_instruction_round_in_discussion_are_not_final()
    {
        var game = new TestGame(Make.Single() with { PeerInstruction = true }, Make.Single());
        var zoe = game.Join("Zoé");
        game.Start();
        Assert.Equal(0, game.Session.FinalRoundCount);
        game.Accepted(zoe, Answers.Choice(1));
        game.Advance(30);
        game.Session.Tick(game.Now);

        Assert.Equal(SessionPhase.Discussion, game.Session.Phase);
        Assert.Equal(0, game.Session.FinalRoundCount);
    }
}
