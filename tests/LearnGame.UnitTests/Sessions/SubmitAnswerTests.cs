using LearnGame.Domain.Sessions;
using LearnGame.UnitTests.Support;

namespace LearnGame.UnitTests.Sessions;

public class SubmitAnswerTests
{
    private readonly TestGame _game = new(Make.Single(timeLimitSeconds: 20), Make.TrueFalse(), Make.Numeric());
    private readonly Seat _zoe;
    private readonly Seat _marc;

    public SubmitAnswerTests() => (_zoe, _marc) = (_game.Join("Zoé"), _game.Join("Marc"));

    private Round Round => _game.Session.CurrentRound!;

    [Fact]
    public void An_answer_before_the_start_is_refused_because_no_question_is_open()
    {
        Assert.Equal(GameError.QuestionNotOpen, _game.Answer(_zoe, Answers.Choice(1), questionIndex: 0).Error);
        Assert.Empty(_game.Session.Rounds);
    }

    [Fact]
    public void An_accepted_answer_is_stored_with_its_time_and_credit_but_no_points_yet()
    {
        _game.Start();
        _game.Advance(4.25);

        var outcome = _game.Answer(_zoe, Answers.Choice(1), answerId: "a-1");

        Assert.Null(outcome.Error);
        Assert.False(outcome.IsRepeat);
        var stored = Assert.Single(Round.Answers);
        Assert.Equal(_zoe.Id, stored.Key);
        Assert.Same(outcome.Answer, stored.Value);
        Assert.Equal(("a-1", 4250L, 1.0, _game.Now), (stored.Value.AnswerId, stored.Value.ElapsedMs, stored.Value.Credit, stored.Value.ReceivedAt));
        Assert.Equal([1], stored.Value.Answer.Choices!);
        Assert.Equal((0, false), (stored.Value.Points, stored.Value.Correct));
    }

    [Fact]
    public void An_answer_for_a_future_question_is_for_the_wrong_question()
    {
        _game.Start();
        Assert.Equal(GameError.WrongQuestion, _game.Answer(_zoe, Answers.Flag(true), questionIndex: 1).Error);
        Assert.Equal(GameError.WrongQuestion, _game.Answer(_zoe, Answers.Flag(true), questionIndex: 99).Error);
        Assert.Equal(GameError.WrongQuestion, _game.Answer(_zoe, Answers.Flag(true), questionIndex: -1).Error);
        Assert.Empty(Round.Answers);
    }

    [Fact]
    public void An_answer_for_a_future_question_during_the_reveal_is_refused_as_not_open()
    {
        _game.Start();
        _game.RevealNow();
        Assert.Equal(GameError.QuestionNotOpen, _game.Answer(_zoe, Answers.Flag(true), questionIndex: 1).Error);
    }

    [Fact]
    public void An_answer_at_the_deadline_is_too_late_and_not_counted()
    {
        _game.Start();
        _game.Advance(20);

        Assert.Equal(GameError.AnswerTooLate, _game.Answer(_zoe, Answers.Choice(1)).Error);

        Assert.Empty(Round.Answers);
        Assert.True(_game.Session.Tick(_game.Now));
        Assert.Equal(0, _zoe.Score);
    }

    [Fact]
    public void An_answer_just_before_the_deadline_is_accepted()
    {
        _game.Start();
        _game.Clock.Advance(TimeSpan.FromSeconds(20) - TimeSpan.FromMilliseconds(1));

        Assert.Null(_game.Answer(_zoe, Answers.Choice(1)).Error);
    }

    [Fact]
    public void An_answer_to_a_closed_question_is_too_late()
    {
        _game.Start();
        _game.Advance(20);
        _game.Session.Tick(_game.Now);

        Assert.Equal(GameError.AnswerTooLate, _game.Answer(_zoe, Answers.Choice(1), questionIndex: 0).Error);
        _game.Next();
        Assert.Equal(GameError.AnswerTooLate, _game.Answer(_zoe, Answers.Choice(1), questionIndex: 0).Error);
        Assert.Empty(Round.Answers);
    }

    [Fact]
    public void Late_answer_to_the_previous_question_is_rejected_and_not_counted_on_the_next_question()
    {
        _game.Start();
        _game.RevealNow();
        _game.NextQuestion();

        var outcome = _game.Answer(_zoe, Answers.Choice(1), questionIndex: 0);

        Assert.Equal(GameError.AnswerTooLate, outcome.Error);
        Assert.Empty(_game.Session.Rounds[0].Answers);
        Assert.Empty(_game.Session.Rounds[1].Answers);
        Assert.Null(_game.Answer(_zoe, Answers.Flag(true), questionIndex: 1).Error);
    }

    [Fact]
    public void A_second_answer_is_refused_and_the_first_is_kept()
    {
        _game.Start();
        var first = _game.Accepted(_zoe, Answers.Choice(1));
        _game.Advance(1);

        Assert.Equal(GameError.AlreadyAnswered, _game.Answer(_zoe, Answers.Choice(2), answerId: "other-id").Error);

        Assert.Same(first, Round.Answers[_zoe.Id]);
        Assert.Equal([1], Round.Answers[_zoe.Id].Answer.Choices!);
    }

    [Fact]
    public void A_retry_with_the_same_answer_id_gets_the_same_acknowledgement()
    {
        _game.Start();
        var first = _game.Answer(_zoe, Answers.Choice(1), answerId: "retry-me");
        _game.Advance(3);

        var retry = _game.Answer(_zoe, Answers.Choice(1), answerId: "retry-me");

        Assert.True(retry.IsRepeat);
        Assert.Null(retry.Error);
        Assert.Same(first.Answer, retry.Answer);
        Assert.Single(Round.Answers);
    }

    [Fact]
    public void A_retry_keeps_the_first_answer_even_if_its_content_differs()
    {
        _game.Start();
        var first = _game.Answer(_zoe, Answers.Choice(1), answerId: "retry-me");

        var retry = _game.Answer(_zoe, Answers.Choice(3), answerId: "retry-me");

        Assert.True(retry.IsRepeat);
        Assert.Same(first.Answer, retry.Answer);
        Assert.Equal([1], Round.Answers[_zoe.Id].Answer.Choices!);
    }

    [Fact]
    public void A_retry_after_the_question_closed_still_gets_the_same_acknowledgement()
    {
        _game.Start();
        var first = _game.Answer(_zoe, Answers.Choice(1), answerId: "retry-me");
        _game.Advance(25);
        _game.Session.Tick(_game.Now);

        var duringReveal = _game.Answer(_zoe, Answers.Choice(1), questionIndex: 0, answerId: "retry-me");
        _game.NextQuestion();
        var duringNextQuestion = _game.Answer(_zoe, Answers.Choice(1), questionIndex: 0, answerId: "retry-me");

        Assert.True(duringReveal.IsRepeat);
        Assert.Same(first.Answer, duringReveal.Answer);
        Assert.True(duringNextQuestion.IsRepeat);
        Assert.Same(first.Answer, duringNextQuestion.Answer);
        Assert.Empty(Round.Answers);
    }

    [Fact]
    public void Another_learners_answer_id_is_not_a_retry()
    {
        _game.Start();
        _game.Answer(_zoe, Answers.Choice(1), answerId: "same-id");

        var marcs = _game.Answer(_marc, Answers.Choice(2), answerId: "same-id");

        Assert.False(marcs.IsRepeat);
        Assert.Null(marcs.Error);
        Assert.Equal(2, Round.Answers.Count);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("é")]
    [InlineData("a/b")]
    [InlineData("<script>")]
    [InlineData("a.b")]
    [InlineData("12345678901234567890123456789012345678901234567890123456789012345")]
    public void An_invalid_answer_id_is_refused(string? answerId)
    {
        _game.Start();
        Assert.Equal(GameError.AnswerIdInvalid, _game.Session.SubmitAnswer(_zoe.Id, 0, answerId, Answers.Choice(1), _game.Now).Error);
        Assert.Empty(Round.Answers);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("abc-DEF_123")]
    [InlineData("1234567890123456789012345678901234567890123456789012345678901234")]
    public void Answer_ids_of_letters_digits_dashes_and_underscores_up_to_64_are_accepted(string answerId)
    {
        _game.Start();
        Assert.Null(_game.Session.SubmitAnswer(_zoe.Id, 0, answerId, Answers.Choice(1), _game.Now).Error);
    }

    [Fact]
    public void An_out_of_range_answer_is_refused_not_stored_and_the_learner_can_still_answer()
    {
        _game.Start();

        Assert.Equal("answer-out-of-range", _game.Answer(_zoe, Answers.Choice(7)).Error?.Code);
        Assert.Empty(Round.Answers);
        Assert.Null(_game.Answer(_zoe, Answers.Choice(1)).Error);
    }

    [Fact]
    public void An_answer_of_the_wrong_type_is_refused_and_not_stored()
    {
        _game.Start();

        Assert.Equal("answer-wrong-type", _game.Answer(_zoe, Answers.Flag(true)).Error?.Code);
        Assert.Equal("answer-wrong-type", _game.Session.SubmitAnswer(_zoe.Id, 0, "no-answer", null, _game.Now).Error?.Code);
        Assert.Empty(Round.Answers);
    }

    [Fact]
    public void A_numeric_answer_outside_the_slider_is_never_stored()
    {
        _game.Start();
        _game.RevealNow();
        _game.NextQuestion();
        _game.RevealNow();
        _game.NextQuestion();

        Assert.Equal("answer-out-of-range", _game.Answer(_zoe, Answers.Number(double.NaN)).Error?.Code);
        Assert.Equal("answer-out-of-range", _game.Answer(_zoe, Answers.Number(1e9)).Error?.Code);
        Assert.Empty(Round.Answers);
    }

    [Fact]
    public void An_unknown_seat_cannot_answer()
    {
        _game.Start();
        Assert.Equal(GameError.SeatNotFound, _game.Session.SubmitAnswer(42, 0, "x", Answers.Choice(1), _game.Now).Error);
    }

    [Fact]
    public void An_answer_timestamped_before_the_question_opened_counts_as_instant()
    {
        _game.Start();
        var outcome = _game.Session.SubmitAnswer(_zoe.Id, 0, "early", Answers.Choice(1), _game.Now.AddSeconds(-2));
        Assert.Equal(0, outcome.Answer!.ElapsedMs);
    }

    [Fact]
    public void All_answered_is_true_once_every_connected_learner_has_answered()
    {
        Assert.False(_game.Session.AllAnswered([_zoe.Id, _marc.Id]));
        _game.Start();
        Assert.False(_game.Session.AllAnswered([_zoe.Id, _marc.Id]));

        _game.Accepted(_zoe, Answers.Choice(1));
        Assert.False(_game.Session.AllAnswered([_zoe.Id, _marc.Id]));
        Assert.True(_game.Session.AllAnswered([_zoe.Id]));

        _game.Accepted(_marc, Answers.Choice(0));
        Assert.True(_game.Session.AllAnswered([_zoe.Id, _marc.Id]));
    }

    [Fact]
    public void All_answered_needs_at_least_one_connected_learner()
    {
        _game.Start();
        Assert.False(_game.Session.AllAnswered([]));
    }

    [Fact]
    public void All_answered_ignores_kicked_seats()
    {
        _game.Start();
        _game.Accepted(_zoe, Answers.Choice(1));
        _game.Session.Kick(_marc.Id);

        Assert.True(_game.Session.AllAnswered([_zoe.Id, _marc.Id]));
    }

    [Fact]
    public void All_answered_is_false_once_the_question_is_closed()
    {
        _game.Start();
        _game.Accepted(_zoe, Answers.Choice(1));
        _game.RevealNow();

        Assert.False(_game.Session.AllAnswered([_zoe.Id]));
    }
}
