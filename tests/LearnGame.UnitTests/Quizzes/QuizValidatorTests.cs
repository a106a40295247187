using LearnGame.Domain.Questions;
using LearnGame.Domain.Quizzes;
using LearnGame.UnitTests.Support;

namespace LearnGame.UnitTests.Quizzes;

public class QuizValidatorTests
{
    private static Quiz OneQuestion(Question question) => Make.Quiz(question);

    private static void AssertOnlyError(Quiz quiz, string path, string code)
    {
        var errors = QuizValidator.Validate(quiz);
        var error = Assert.Single(errors);
        Assert.Equal((path, code), (error.Path, error.Code));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    private static void AssertValid(Quiz quiz) => Assert.Empty(QuizValidator.Validate(quiz));

    [Fact]
    public void A_quiz_with_every_question_type_is_valid() =>
        AssertValid(Make.Quiz(Make.Single(), Make.Multiple(), Make.TrueFalse(), Make.Typed(), Make.Numeric(), Make.Ordering(), Make.Poll()));

    // ----- Quiz -----

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void A_quiz_without_title_is_refused(string? title) =>
        AssertOnlyError(Make.Quiz(Make.TrueFalse()) with { Title = title! }, "title", "title-missing");

    [Fact]
    public void A_title_is_at_most_120_characters_once_trimmed()
    {
        AssertValid(Make.Quiz(Make.TrueFalse()) with { Title = new string('T', 120) });
        AssertValid(Make.Quiz(Make.TrueFalse()) with { Title = "  " + new string('T', 120) + "  " });
        AssertOnlyError(Make.Quiz(Make.TrueFalse()) with { Title = new string('T', 121) }, "title", "title-too-long");
    }

    [Fact]
    public void An_unknown_language_is_refused() =>
        AssertOnlyError(Make.Quiz(Make.TrueFalse()) with { Language = (QuizLanguage)7 }, "language", "language-unsupported");

    [Fact]
    public void A_quiz_without_questions_is_refused()
    {
        AssertOnlyError(Make.Quiz(), "questions", "questions-missing");
        AssertOnlyError(Make.Quiz() with { Questions = null! }, "questions", "questions-missing");
    }

    [Fact]
    public void A_quiz_has_at_most_100_questions()
    {
        AssertValid(Make.Quiz(Enumerable.Repeat<Question>(Make.TrueFalse(), 100).ToArray()));
        AssertOnlyError(Make.Quiz(Enumerable.Repeat<Question>(Make.TrueFalse(), 101).ToArray()), "questions", "questions-too-many");
    }

    [Fact]
    public void A_null_question_is_reported_at_its_place() =>
        AssertOnlyError(Make.Quiz(Make.TrueFalse(), null!), "questions[1]", "question-missing");

    [Fact]
    public void Every_problem_is_listed_with_the_index_of_its_question()
    {
        var quiz = new Quiz("", QuizLanguage.En, [Make.TrueFalse(), Make.Single(correct: 9), Make.TrueFalse() with { TimeLimitSeconds = 1 }]);
        var errors = QuizValidator.Validate(quiz).Select(e => (e.Path, e.Code)).ToArray();
        Assert.Equal(
            [("title", "title-missing"), ("questions[1].correct", "correct-out-of-range"), ("questions[2].timeLimitSeconds", "time-limit-out-of-range")],
            errors);
    }

    // ----- Common question fields -----

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(null)]
    public void A_question_needs_a_text(string? text) =>
        AssertOnlyError(OneQuestion(Make.TrueFalse() with { Text = text! }), "questions[0].text", "text-missing");

    [Fact]
    public void A_question_text_is_at_most_500_characters()
    {
        AssertValid(OneQuestion(Make.TrueFalse() with { Text = new string('q', 500) }));
        AssertOnlyError(OneQuestion(Make.TrueFalse() with { Text = new string('q', 501) }), "questions[0].text", "text-too-long");
    }

    [Theory]
    [InlineData(4)]
    [InlineData(241)]
    [InlineData(0)]
    [InlineData(-20)]
    public void A_time_limit_outside_5_to_240_seconds_is_refused(int seconds) =>
        AssertOnlyError(OneQuestion(Make.TrueFalse() with { TimeLimitSeconds = seconds }), "questions[0].timeLimitSeconds", "time-limit-out-of-range");

    [Theory]
    [InlineData(5)]
    [InlineData(240)]
    public void Time_limits_of_5_and_240_seconds_are_accepted(int seconds) =>
        AssertValid(OneQuestion(Make.TrueFalse() with { TimeLimitSeconds = seconds }));

    [Fact]
    public void An_unknown_points_mode_is_refused() =>
        AssertOnlyError(OneQuestion(Make.TrueFalse() with { Points = (PointsMode)3 }), "questions[0].points", "points-invalid");

    [Fact]
    public void An_explanation_is_at_most_1000_characters()
    {
        AssertValid(OneQuestion(Make.TrueFalse() with { Explanation = new string('e', 1000) }));
        AssertOnlyError(OneQuestion(Make.TrueFalse() with { Explanation = new string('e', 1001) }), "questions[0].explanation", "explanation-too-long");
    }

    [Theory]
    [InlineData("https://cdn.example.org/images/casque.png")]
    [InlineData("http://intranet.example/casque.jpg")]
    [InlineData("/images/casque.png")]
    public void Http_and_server_path_image_urls_are_accepted(string url) =>
        AssertValid(OneQuestion(Make.TrueFalse() with { ImageUrl = url }));

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JavaScript:alert(1)")]
    [InlineData("//evil.example/x.png")]
    [InlineData("//evil")]
    [InlineData("data:image/png;base64,iVBORw0KGgo=")]
    [InlineData("ftp://files.example/x.png")]
    [InlineData("file:///etc/passwd")]
    [InlineData("images/casque.png")]
    [InlineData("")]
    public void Other_image_urls_are_refused(string url) =>
        AssertOnlyError(OneQuestion(Make.TrueFalse() with { ImageUrl = url }), "questions[0].imageUrl", "image-url-invalid");

    [Fact]
    public void An_image_description_goes_with_an_image_and_is_1_to_300_characters()
    {
        AssertValid(OneQuestion(Make.TrueFalse() with { ImageUrl = "/media/casque.png", ImageAlt = "Un casque de chantier blanc" }));
        AssertValid(OneQuestion(Make.TrueFalse() with { ImageUrl = "/media/casque.png", ImageAlt = new string('a', 300) }));
        AssertOnlyError(OneQuestion(Make.TrueFalse() with { ImageUrl = "/media/casque.png", ImageAlt = new string('a', 301) }), "questions[0].imageAlt", "image-alt-invalid");
        AssertOnlyError(OneQuestion(Make.TrueFalse() with { ImageUrl = "/media/casque.png", ImageAlt = "  " }), "questions[0].imageAlt", "image-alt-invalid");
        AssertOnlyError(OneQuestion(Make.TrueFalse() with { ImageUrl = "/media/casque.png", ImageAlt = "a\u0007b" }), "questions[0].imageAlt", "image-alt-invalid");
        AssertOnlyError(OneQuestion(Make.TrueFalse() with { ImageAlt = "Un casque" }), "questions[0].imageAlt", "image-alt-without-image");
    }

    [Fact]
    public void An_image_url_is_at_most_2000_characters()
    {
        AssertValid(OneQuestion(Make.TrueFalse() with { ImageUrl = "/" + new string('a', 1999) }));
        AssertOnlyError(OneQuestion(Make.TrueFalse() with { ImageUrl = "/" + new string('a', 2000) }), "questions[0].imageUrl", "image-url-invalid");
    }

    // ----- Choices (single, multiple, poll) -----

    [Theory]
    [InlineData(1)]
    [InlineData(9)]
    public void A_choice_question_has_between_2_and_8_choices(int count) =>
        AssertOnlyError(OneQuestion(Make.Single(correct: 0) with { Choices = Enumerable.Range(1, count).Select(i => $"C{i}").ToArray() }),
            "questions[0].choices", "choices-count");

    [Fact]
    public void Two_and_eight_choices_are_accepted()
    {
        AssertValid(OneQuestion(Make.Single(correct: 0) with { Choices = ["Oui", "Non"] }));
        AssertValid(OneQuestion(Make.Single(correct: 7) with { Choices = Enumerable.Range(1, 8).Select(i => $"C{i}").ToArray() }));
    }

    [Fact]
    public void Missing_choices_are_reported_as_a_count_problem()
    {
        AssertOnlyError(OneQuestion(Make.Single() with { Choices = null! }), "questions[0].choices", "choices-count");
        AssertOnlyError(OneQuestion(Make.Poll() with { Choices = [] }), "questions[0].choices", "choices-count");
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void An_empty_choice_is_reported_at_its_index(string choice) =>
        AssertOnlyError(OneQuestion(Make.Single(correct: 0) with { Choices = ["Oui", choice, "Non"] }), "questions[0].choices[1]", "choice-empty");

    [Fact]
    public void A_choice_is_at_most_200_characters() =>
        AssertOnlyError(OneQuestion(Make.Single(correct: 0) with { Choices = ["Oui", new string('x', 201)] }), "questions[0].choices[1]", "choice-too-long");

    [Fact]
    public void Choices_differing_only_by_case_or_surrounding_spaces_are_duplicates()
    {
        AssertOnlyError(OneQuestion(Make.Single(correct: 0) with { Choices = ["Paris", "Lyon", " paris "] }), "questions[0].choices", "choice-duplicate");
        AssertOnlyError(OneQuestion(Make.Multiple() with { Choices = ["A", "B", "C", "a"] }), "questions[0].choices", "choice-duplicate");
        AssertOnlyError(OneQuestion(Make.Poll() with { Choices = ["Oui", "OUI"] }), "questions[0].choices", "choice-duplicate");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(4)]
    public void A_single_choice_question_must_point_at_one_of_its_choices(int correct) =>
        AssertOnlyError(OneQuestion(Make.Single(correct)), "questions[0].correct", "correct-out-of-range");

    [Fact]
    public void A_multiple_choice_question_needs_a_right_choice()
    {
        AssertOnlyError(OneQuestion(Make.Multiple() with { Correct = [] }), "questions[0].correct", "correct-missing");
        AssertOnlyError(OneQuestion(Make.Multiple() with { Correct = null! }), "questions[0].correct", "correct-missing");
    }

    [Fact]
    public void A_multiple_choice_question_must_point_at_its_choices_once_each()
    {
        AssertOnlyError(OneQuestion(Make.Multiple(0, 5)), "questions[0].correct", "correct-out-of-range");
        AssertOnlyError(OneQuestion(Make.Multiple(1, 1)), "questions[0].correct", "correct-duplicate");
    }

    [Fact]
    public void Every_choice_of_a_multiple_choice_question_may_be_right() =>
        AssertValid(OneQuestion(Make.Multiple(0, 1, 2, 3, 4)));

    [Theory]
    [InlineData(PointsMode.Standard)]
    [InlineData(PointsMode.Double)]
    public void A_poll_that_awards_points_is_refused(PointsMode points) =>
        AssertOnlyError(OneQuestion(Make.Poll() with { Points = points }), "questions[0].points", "poll-scored");

    // ----- Typed -----

    [Fact]
    public void A_typed_question_needs_an_accepted_answer()
    {
        AssertOnlyError(OneQuestion(Make.Typed() with { Accepted = [] }), "questions[0].accepted", "accepted-missing");
        AssertOnlyError(OneQuestion(Make.Typed() with { Accepted = null! }), "questions[0].accepted", "accepted-missing");
    }

    [Fact]
    public void An_accepted_answer_is_not_empty_and_at_most_200_characters()
    {
        AssertOnlyError(OneQuestion(Make.Typed("Paris", " ")), "questions[0].accepted[1]", "accepted-empty");
        AssertOnlyError(OneQuestion(Make.Typed(new string('a', 201))), "questions[0].accepted[0]", "accepted-too-long");
        AssertValid(OneQuestion(Make.Typed(new string('a', 200))));
    }

    // ----- Numeric -----

    [Theory]
    [InlineData(10, 10)]
    [InlineData(10, 0)]
    [InlineData(double.NaN, 10)]
    [InlineData(0, double.PositiveInfinity)]
    public void A_slider_needs_a_maximum_above_its_minimum(double min, double max) =>
        AssertOnlyError(OneQuestion(Make.Numeric() with { Min = min, Max = max, Correct = 5 }), "questions[0].max", "range-invalid");

    [Theory]
    [InlineData(-1)]
    [InlineData(100.5)]
    [InlineData(double.NaN)]
    public void The_right_value_lies_within_the_slider(double correct) =>
        AssertOnlyError(OneQuestion(Make.Numeric(correct: correct)), "questions[0].correct", "correct-out-of-range");

    [Theory]
    [InlineData(-1)]
    [InlineData(100.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_tolerance_is_between_zero_and_the_range(double tolerance) =>
        AssertOnlyError(OneQuestion(Make.Numeric(tolerance: tolerance)), "questions[0].tolerance", "tolerance-invalid");

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    public void Tolerances_of_zero_and_the_whole_range_are_accepted(double tolerance) =>
        AssertValid(OneQuestion(Make.Numeric(tolerance: tolerance)));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(100.5)]
    [InlineData(double.NaN)]
    public void A_step_is_positive_and_no_larger_than_the_range(double step) =>
        AssertOnlyError(OneQuestion(Make.Numeric() with { Step = step }), "questions[0].step", "step-invalid");

    [Theory]
    [InlineData(0.01)]
    [InlineData(100)]
    public void Small_steps_and_a_step_of_the_whole_range_are_accepted(double step) =>
        AssertValid(OneQuestion(Make.Numeric() with { Step = step }));

    // ----- Ordering -----

    [Theory]
    [InlineData(1)]
    [InlineData(9)]
    public void An_ordering_question_has_between_2_and_8_items(int count) =>
        AssertOnlyError(OneQuestion(Make.Ordering(count)), "questions[0].items", "items-count");

    [Fact]
    public void Two_and_eight_items_are_accepted()
    {
        AssertValid(OneQuestion(Make.Ordering(2)));
        AssertValid(OneQuestion(Make.Ordering(8)));
    }

    [Fact]
    public void An_empty_item_is_reported_at_its_index() =>
        AssertOnlyError(OneQuestion(Make.Ordering() with { Items = ["Un", "Deux", ""] }), "questions[0].items[2]", "item-empty");

    [Fact]
    public void An_item_is_at_most_as_long_as_a_choice()
    {
        AssertValid(OneQuestion(Make.Ordering() with { Items = ["Un", new string('x', 200)] }));
        AssertOnlyError(OneQuestion(Make.Ordering() with { Items = ["Un", new string('x', 201)] }), "questions[0].items[1]", "item-too-long");
    }
}
