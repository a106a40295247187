using System.Text.Json;
using LearnGame.Domain.Quizzes;
using LearnGame.Domain.Sessions;
using LearnGame.UnitTests.Support;

namespace LearnGame.UnitTests.Sessions;

/// <summary>
/// A session stores joins and answers in a journal and writes itself whole only at each phase: after a reload the
/// journal's seats and answers are put back over the last whole state, as they were given, without judging them again.
/// </summary>
public class RestoreTests
{
    private static T RoundTrip<T>(T value) => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, QuizJson.Options), QuizJson.Options)!;

    private static GameSession Reload(GameSession game) => RoundTrip(game);

    [Fact]
    public void Seats_put_back_in_order_are_the_seats_given_and_hold_their_nicknames()
    {
        var game = new TestGame(Make.Single());
        var checkpoint = Reload(game.Session);
        var (zoe, marc) = (game.Join("Zoé"), game.Join("Marc"));

        Assert.True(checkpoint.RestoreSeat(RoundTrip(zoe)));
        Assert.True(checkpoint.RestoreSeat(RoundTrip(marc)));

        Assert.Equal(game.Snapshot(), JsonSerializer.Serialize(checkpoint, QuizJson.Options));
        Assert.Equal(GameError.NicknameTaken, checkpoint.Join("zoé", "another-token").Error);
        Assert.Equal(3, checkpoint.Join("Ana", "token-ana").Seat!.Id);
        Assert.Equal(zoe.Id, checkpoint.FindSeat(TestGame.TokenOf("Zoé"))!.Id);
    }

    [Fact]
    public void A_seat_already_there_or_out_of_turn_is_not_put_back_twice()
    {
        var game = new TestGame(Make.Single());
        var zoe = game.Join("Zoé");
        var marc = game.Join("Marc");
        var checkpoint = Reload(game.Session);

        Assert.False(checkpoint.RestoreSeat(RoundTrip(zoe)));
        Assert.False(checkpoint.RestoreSeat(RoundTrip(marc)));
        var ana = RoundTrip(game.Join("Ana"));
        var leo = RoundTrip(game.Join("Léo"));
        Assert.False(checkpoint.RestoreSeat(leo));
        Assert.Equal(2, checkpoint.Seats.Count);
        Assert.True(checkpoint.RestoreSeat(ana));
    }

    [Fact]
    public void An_answer_put_back_is_the_answer_accepted_with_its_time_and_credit()
    {
        var game = new TestGame(Make.Single(), Make.Single());
        var (zoe, marc) = (game.Join("Zoé"), game.Join("Marc"));
        game.Start();
        var checkpoint = Reload(game.Session);
        game.Advance(4);
        var accepted = game.Accepted(zoe, Answers.Choice(1));

        // Put back as it was accepted (time, speed and credit), not judged again.
        Assert.True(checkpoint.RestoreAnswer(zoe.Id, 0, RoundTrip(accepted)));

        Assert.Equal(game.Snapshot(), JsonSerializer.Serialize(checkpoint, QuizJson.Options));
        Assert.True(checkpoint.SubmitAnswer(zoe.Id, 0, accepted.AnswerId, Answers.Choice(1), game.Now).IsRepeat);
        Assert.Equal(GameError.AlreadyAnswered, checkpoint.SubmitAnswer(zoe.Id, 0, "another", Answers.Choice(2), game.Now).Error);
        Assert.Null(checkpoint.SubmitAnswer(marc.Id, 0, "marc-1", Answers.Choice(0), game.Now).Error);
    }

    [Fact]
    public void An_answer_to_another_question_or_outside_an_open_question_is_not_put_back()
    {
        var game = new TestGame(Make.Single(), Make.Single());
        var zoe = game.Join("Zoé");
        var lobby = Reload(game.Session);
        game.Start();
        var accepted = RoundTrip(game.Accepted(zoe, Answers.Choice(1)));

        Assert.False(lobby.RestoreAnswer(zoe.Id, 0, accepted));
        var open = Reload(game.Session);
        Assert.False(open.RestoreAnswer(zoe.Id, 1, accepted));
        Assert.False(open.RestoreAnswer(99, 0, accepted));
        game.RevealNow();
        Assert.False(Reload(game.Session).RestoreAnswer(zoe.Id, 0, accepted));
    }
}
