using System.Text.Json;
using LearnGame.Domain.Questions;
using LearnGame.Domain.Quizzes;
using LearnGame.Domain.Sessions;
using LearnGame.UnitTests.Support;

namespace LearnGame.UnitTests.Sessions;

/// <summary>Grains persist a session as JSON with <see cref="QuizJson.Options"/>; a reloaded session must carry on exactly.</summary>
public class GameSessionJsonTests
{
    private static GameSession RoundTrip(GameSession session) =>
        JsonSerializer.Deserialize<GameSession>(JsonSerializer.Serialize(session, QuizJson.Options), QuizJson.Options)!;

    /// <summary>Three questions; the first scored, the second open and paused with answers; one learner kicked.</summary>
    private static (TestGame Game, Seat Zoe, Seat Marc) MidGame()
    {
        var game = new TestGame(Make.Single(), Make.Typed("éléphant"), Make.Ordering());
        var (zoe, marc, kicked) = (game.Join("Zoé"), game.Join("Marc"), game.Join("Parti"));
        game.Session.SetLocked(true);
        game.Start();
        game.Advance(2);
        game.Accepted(zoe, Answers.Choice(1));
        game.Accepted(marc, Answers.Choice(3));
        game.RevealNow();
        game.NextQuestion();
        game.Session.Kick(kicked.Id);
        game.Advance(4);
        game.Answer(zoe, Answers.Text("Éléphant"), answerId: "zoe-q1");
        game.Advance(2);
        Assert.Null(game.Session.Pause(game.Now));
        return (game, zoe, marc);
    }

    [Fact]
    public void A_session_mid_game_survives_a_json_round_trip()
    {
        var (game, zoe, marc) = MidGame();
        var original = game.Session;

        var reloaded = RoundTrip(original);

        Assert.Equal(game.Snapshot(), JsonSerializer.Serialize(reloaded, QuizJson.Options));
        Assert.Equal((original.Id, original.JoinCode, original.CreatedAt, original.HostTokenHash), (reloaded.Id, reloaded.JoinCode, reloaded.CreatedAt, reloaded.HostTokenHash));
        Assert.Equal((SessionPhase.QuestionOpen, true, original.Options), (reloaded.Phase, reloaded.Locked, reloaded.Options));
        Assert.Equal(
            original.Seats.Select(s => (s.Id, s.Nickname, s.TokenHash, s.Score, s.Streak, s.BestStreak, s.CorrectCount, s.CorrectTimeMs, s.Kicked)),
            reloaded.Seats.Select(s => (s.Id, s.Nickname, s.TokenHash, s.Score, s.Streak, s.BestStreak, s.CorrectCount, s.CorrectTimeMs, s.Kicked)));
        Assert.Equal(
            original.Rounds.Select(r => (r.QuestionIndex, r.OpenedAt, r.Deadline, r.PausedRemaining, r.Closed, r.Skipped)),
            reloaded.Rounds.Select(r => (r.QuestionIndex, r.OpenedAt, r.Deadline, r.PausedRemaining, r.Closed, r.Skipped)));
        Assert.Equal(
            original.Rounds.SelectMany(r => r.Answers).Select(a => (a.Key, a.Value.AnswerId, a.Value.ReceivedAt, a.Value.ElapsedMs, a.Value.Credit, a.Value.Correct, a.Value.Points, a.Value.StreakAfter)),
            reloaded.Rounds.SelectMany(r => r.Answers).Select(a => (a.Key, a.Value.AnswerId, a.Value.ReceivedAt, a.Value.ElapsedMs, a.Value.Credit, a.Value.Correct, a.Value.Points, a.Value.StreakAfter)));
        Assert.True(original.Rounds[1].Answers[zoe.Id].Answer.Equivalent(reloaded.Rounds[1].Answers[zoe.Id].Answer));
        Assert.Equal(original.Quiz.Questions.Select(q => q.GetType()), reloaded.Quiz.Questions.Select(q => q.GetType()));
        Assert.Equal(QuizJson.Write(original.Quiz), QuizJson.Write(reloaded.Quiz));
        Assert.True(zoe.Score > 0);
        Assert.Equal(0, marc.Score);
    }

    [Fact]
    public void A_reloaded_session_recognises_its_tokens_and_carries_on_with_the_same_rules()
    {
        var (game, zoe, marc) = MidGame();
        var reloaded = RoundTrip(game.Session);

        Assert.True(reloaded.IsHost(TestGame.HostToken));
        Assert.Equal(zoe.Id, reloaded.FindSeat(TestGame.TokenOf("Zoé"))!.Id);
        Assert.Null(reloaded.FindSeat(TestGame.TokenOf("Parti")));
        Assert.True(reloaded.CurrentRound!.Paused);

        var retry = reloaded.SubmitAnswer(zoe.Id, 1, "zoe-q1", Answers.Text("Éléphant"), game.Now);
        Assert.True(retry.IsRepeat);

        game.Advance(100);
        Assert.Null(reloaded.Resume(game.Now));
        Assert.Equal(game.Now.AddSeconds(14), reloaded.CurrentRound.Deadline);
        game.Advance(1);
        Assert.Null(reloaded.SubmitAnswer(marc.Id, 1, "marc-q1", Answers.Text("elephant"), game.Now).Error);
        Assert.True(reloaded.Tick(game.Now.AddSeconds(13)));

        var reloadedZoe = reloaded.SeatById(zoe.Id)!;
        var reloadedMarc = reloaded.SeatById(marc.Id)!;
        Assert.Equal((2, 2), (reloadedZoe.Streak, reloadedZoe.CorrectCount));
        Assert.Equal(zoe.Score + 900 + 100, reloadedZoe.Score);
        Assert.Equal(1000 - 175, reloadedMarc.Score);
    }

    [Fact]
    public void Every_question_type_survives_inside_a_persisted_session()
    {
        var quiz = Make.Quiz(Make.Single(), Make.Multiple(), Make.TrueFalse(), Make.Typed(), Make.Numeric(), Make.Ordering(), Make.Poll(allowSeveral: true));
        var session = GameSession.Create(Guid.NewGuid(), "000042", quiz, new SessionOptions { SpeedScoring = false, CloseWhenAllAnswered = false }, "h", TestGame.StartTime);

        var reloaded = RoundTrip(session);

        Assert.Equal(QuizJson.Write(quiz), QuizJson.Write(reloaded.Quiz));
        Assert.Equal(new SessionOptions { SpeedScoring = false, CloseWhenAllAnswered = false }, reloaded.Options);
        Assert.Equal(SessionPhase.Lobby, reloaded.Phase);
        Assert.Empty(QuizValidator.Validate(reloaded.Quiz));
        Assert.Equal(PointsMode.None, reloaded.Quiz.Questions[6].Points);
    }

    [Fact]
    public void A_reloaded_session_still_refuses_a_nickname_in_use_and_frees_a_kicked_one()
    {
        var (game, _, _) = MidGame();
        var reloaded = RoundTrip(game.Session);
        Assert.Null(reloaded.SetLocked(false));

        Assert.Equal(GameError.NicknameTaken, reloaded.Join("MARC", "another-token").Error);
        Assert.Null(reloaded.Join("parti", "returning-token").Error); // "Parti" was kicked
        Assert.Equal(reloaded.Seats[^1], reloaded.SeatById(reloaded.Seats.Count));
        Assert.Null(reloaded.SeatById(3)); // the kicked seat
        Assert.Null(reloaded.SeatById(0));
        Assert.Null(reloaded.SeatById(99));
    }
}
