using System.Text.Json;
using LearnGame.Domain.Questions;
using LearnGame.Domain.Quizzes;
using LearnGame.Domain.Sessions;
using LearnGame.Domain.Teams;
using LearnGame.UnitTests.Support;

namespace LearnGame.UnitTests.Sessions;

/// <summary>
/// Storage keeps closed rounds apart and writes them once; the session's own JSON then carries only the later rounds.
/// That is safe only because a closed round never changes again, which these tests hold the rules to.
/// </summary>
public class RoundsStoredApartTests
{
    private static string Json<T>(T value) => JsonSerializer.Serialize(value, QuizJson.Options);

    private static GameSession Reload(string json) => JsonSerializer.Deserialize<GameSession>(json, QuizJson.Options)!;

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
        Assert.Throws<ArgumentOutOfRangeException>(() => game.Session.SetRoundsStoredApart(1));
    }

    /// <summary>Three questions: the first two closed and kept apart, the third open with an answer.</summary>
    private static (TestGame Game, Seat Zoe, Seat Marc) ThirdQuestionOpen()
    {
        var game = new TestGame(Make.Single(), Make.Typed("éléphant"), Make.Single());
        var (zoe, marc) = (game.Join("Zoé"), game.Join("Marc"));
        game.Start();
        game.Accepted(zoe, Answers.Choice(1));
        game.Accepted(marc, Answers.Choice(2));
        game.RevealNow();
        game.NextQuestion();
        game.Answer(zoe, Answers.Text("éléphant"), answerId: "zoe-q1");
        game.RevealNow();
        game.NextQuestion();
        game.Accepted(marc, Answers.Choice(1));
        return (game, zoe, marc);
    }

    [Fact]
    public void The_session_json_leaves_out_the_rounds_kept_apart_and_a_reload_carries_on_exactly()
    {
        var (game, zoe, marc) = ThirdQuestionOpen();
        var whole = game.Snapshot();
        // As storage would read them back: copies, not the same objects.
        var apart = game.Session.Rounds.GetRange(0, 2).Select(r => JsonSerializer.Deserialize<Round>(Json(r), QuizJson.Options)!).ToList();

        game.Session.SetRoundsStoredApart(2);
        var own = game.Snapshot();
        var reloaded = Reload(own);

        Assert.True(own.Length < whole.Length);
        Assert.DoesNotContain("zoe-q1", own);
        Assert.True(reloaded.AwaitsRoundsStoredApart);
        Assert.Single(reloaded.Rounds);
        reloaded.RestoreRoundsStoredApart(apart);
        Assert.False(reloaded.AwaitsRoundsStoredApart);
        Assert.Equal([0, 1, 2], reloaded.Rounds.Select(r => r.QuestionIndex));
        Assert.Equal(game.Session.Rounds.Select(Json), reloaded.Rounds.Select(Json));
        // It goes on by the same rules: a retried answer to a round kept apart is still recognised, scores are the same.
        Assert.True(reloaded.SubmitAnswer(zoe.Id, 1, "zoe-q1", Answers.Text("éléphant"), game.Now).IsRepeat);
        Assert.Equal(marc.Score, reloaded.SeatById(marc.Id)!.Score);
        Assert.Null(reloaded.RevealNow(game.Now));
        Assert.Null(game.Session.RevealNow(game.Now));
        Assert.Equal(game.Session.Ranking().Select(s => (s.Id, s.Score)), reloaded.Ranking().Select(s => (s.Id, s.Score)));
    }

    [Fact]
    public void After_a_crash_between_the_two_writes_the_extra_rounds_stored_apart_are_ignored()
    {
        var (game, _, _) = ThirdQuestionOpen();
        var storedApart = game.Session.Rounds.Take(2).ToList();
        game.Session.SetRoundsStoredApart(1); // the session was last written when only one round was kept apart

        var reloaded = Reload(game.Snapshot());
        reloaded.RestoreRoundsStoredApart(storedApart);

        Assert.Equal([0, 1, 2], reloaded.Rounds.Select(r => r.QuestionIndex));
        reloaded.RestoreRoundsStoredApart(storedApart); // a second call changes nothing
        Assert.Equal(3, reloaded.Rounds.Count);
    }

    [Fact]
    public void Fewer_rounds_stored_apart_than_the_session_counts_is_refused_not_guessed()
    {
        var (game, _, _) = ThirdQuestionOpen();
        var first = game.Session.Rounds.Take(1).ToList();
        game.Session.SetRoundsStoredApart(2);

        var reloaded = Reload(game.Snapshot());

        Assert.Throws<InvalidOperationException>(() => reloaded.RestoreRoundsStoredApart(first));
    }

    [Fact]
    public void Rounds_kept_apart_never_decrease_and_never_include_the_open_round()
    {
        var (game, _, _) = ThirdQuestionOpen();
        Assert.Equal(2, game.Session.FinalRoundCount);

        Assert.Throws<ArgumentOutOfRangeException>(() => game.Session.SetRoundsStoredApart(3));
        game.Session.SetRoundsStoredApart(2);
        Assert.Throws<ArgumentOutOfRangeException>(() => game.Session.SetRoundsStoredApart(1));
        Assert.Equal(2, game.Session.RoundsStoredApart);
    }

    [Fact]
    public void A_session_stored_before_rounds_were_kept_apart_reads_back_whole()
    {
        var (game, _, _) = ThirdQuestionOpen();
        var json = game.Snapshot();
        Assert.Contains("\"roundsStoredApart\":0", json);
        var older = json.Replace("\"roundsStoredApart\":0,", "");

        var reloaded = Reload(older);
        reloaded.RestoreRoundsStoredApart([]);

        Assert.False(reloaded.AwaitsRoundsStoredApart);
        Assert.Equal(game.Session.Rounds.Select(Json), reloaded.Rounds.Select(Json));
    }
}
