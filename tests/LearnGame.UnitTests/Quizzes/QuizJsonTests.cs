using System.Text.Json.Nodes;
using LearnGame.Domain.Questions;
using LearnGame.Domain.Quizzes;
using LearnGame.UnitTests.Support;

namespace LearnGame.UnitTests.Quizzes;

public class QuizJsonTests
{
    /// <summary>One question of each type, with every optional field set somewhere.</summary>
    private const string FullQuiz = """
        {
          "title": "Sécurité sur chantier",
          "language": "en",
          "questions": [
            { "type": "single", "text": "Which helmet colour?", "choices": ["White", "Yellow", "Blue"], "correct": 0,
              "timeLimitSeconds": 30, "points": "double", "explanation": "White is for supervisors.", "imageUrl": "/images/helmets.png" },
            { "type": "multiple", "text": "Which are PPE?", "choices": ["Helmet", "Gloves", "Tie"], "correct": [0, 1] },
            { "type": "trueFalse", "text": "Goggles are optional.", "correct": false, "points": "none" },
            { "type": "typed", "text": "Animal with a trunk?", "accepted": ["éléphant", "elephant"], "ignoreAccents": false,
              "imageUrl": "https://cdn.example.org/trunk.jpg" },
            { "type": "numeric", "text": "Noise limit?", "min": 0, "max": 140, "step": 5, "correct": 85, "tolerance": 2.5, "unit": "dB" },
            { "type": "ordering", "text": "Put on in order", "items": ["Boots", "Vest", "Helmet"], "timeLimitSeconds": 45 },
            { "type": "poll", "text": "How was it?", "choices": ["Great", "Fine", "Meh"], "allowSeveral": true }
          ]
        }
        """;

    private static Quiz ParseValid(string json)
    {
        var (quiz, errors) = QuizJson.Parse(json);
        Assert.Empty(errors);
        return Assert.IsType<Quiz>(quiz);
    }

    private static ValidationError ParseInvalid(string json)
    {
        var (quiz, errors) = QuizJson.Parse(json);
        Assert.Null(quiz);
        return Assert.Single(errors);
    }

    private static string OneQuestionQuiz(string question) => $$"""{ "title": "T", "language": "fr", "questions": [ {{question}} ] }""";

    [Fact]
    public void A_quiz_with_every_question_type_parses_into_the_right_types_and_values()
    {
        var quiz = ParseValid(FullQuiz);

        Assert.Equal("Sécurité sur chantier", quiz.Title);
        Assert.Equal(QuizLanguage.En, quiz.Language);
        Assert.Collection(quiz.Questions,
            q =>
            {
                var single = Assert.IsType<SingleChoiceQuestion>(q);
                Assert.Equal(["White", "Yellow", "Blue"], single.Choices);
                Assert.Equal(0, single.Correct);
                Assert.Equal(30, single.TimeLimitSeconds);
                Assert.Equal(PointsMode.Double, single.Points);
                Assert.Equal("White is for supervisors.", single.Explanation);
                Assert.Equal("/images/helmets.png", single.ImageUrl);
            },
            q => Assert.Equal([0, 1], Assert.IsType<MultipleChoiceQuestion>(q).Correct),
            q =>
            {
                var trueFalse = Assert.IsType<TrueFalseQuestion>(q);
                Assert.False(trueFalse.Correct);
                Assert.Equal(PointsMode.None, trueFalse.Points);
            },
            q =>
            {
                var typed = Assert.IsType<TypedAnswerQuestion>(q);
                Assert.Equal(["éléphant", "elephant"], typed.Accepted);
                Assert.False(typed.IgnoreAccents);
            },
            q =>
            {
                var numeric = Assert.IsType<NumericQuestion>(q);
                Assert.Equal((0, 140, 5, 85, 2.5, "dB"), (numeric.Min, numeric.Max, numeric.Step, numeric.Correct, numeric.Tolerance, numeric.Unit));
            },
            q => Assert.Equal(["Boots", "Vest", "Helmet"], Assert.IsType<OrderingQuestion>(q).Items),
            q =>
            {
                var poll = Assert.IsType<PollQuestion>(q);
                Assert.True(poll.AllowSeveral);
                Assert.Equal(PointsMode.None, poll.Points);
            });
    }

    [Fact]
    public void Parse_write_parse_round_trips_every_question_type()
    {
        var first = ParseValid(FullQuiz);
        var written = QuizJson.Write(first);
        var second = ParseValid(written);

        Assert.Equal(written, QuizJson.Write(second));
        Assert.Equal(first.Questions.Select(q => q.GetType()), second.Questions.Select(q => q.GetType()));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(written), JsonNode.Parse(QuizJson.Write(second))));
        var numeric = Assert.IsType<NumericQuestion>(second.Questions[4]);
        Assert.Equal(2.5, numeric.Tolerance);
    }

    [Fact]
    public void Writing_uses_camel_case_names_and_the_documented_type_points_and_language_values()
    {
        var json = JsonNode.Parse(QuizJson.Write(ParseValid(FullQuiz)))!;

        Assert.Equal("en", (string?)json["language"]);
        var questions = json["questions"]!.AsArray();
        Assert.Equal(["single", "multiple", "trueFalse", "typed", "numeric", "ordering", "poll"], questions.Select(q => (string?)q!["type"]));
        Assert.Equal(["double", "standard", "none", "standard", "standard", "standard", "none"], questions.Select(q => (string?)q!["points"]));
        Assert.Equal(30, (int?)questions[0]!["timeLimitSeconds"]);
        Assert.Equal("/images/helmets.png", (string?)questions[0]!["imageUrl"]);
        Assert.False((bool?)questions[3]!["ignoreAccents"]);
        Assert.True((bool?)questions[6]!["allowSeveral"]);
    }

    [Fact]
    public void The_type_is_written_first_in_each_question() =>
        Assert.All(JsonNode.Parse(QuizJson.Write(ParseValid(FullQuiz)))!["questions"]!.AsArray(),
            q => Assert.Equal("type", q!.AsObject().First().Key));

    [Fact]
    public void Unset_optional_fields_are_left_out_and_nothing_computed_is_written()
    {
        var json = QuizJson.Write(Make.Quiz(Make.TrueFalse(), Make.Poll()));
        Assert.DoesNotContain("imageUrl", json);
        Assert.DoesNotContain("explanation", json);
        Assert.DoesNotContain("null", json);
        Assert.DoesNotContain("isGraded", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("falloff", json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Omitted_fields_take_their_defaults()
    {
        var quiz = ParseValid("""
            { "title": "T", "questions": [
                { "type": "trueFalse", "text": "Q", "correct": true },
                { "type": "typed", "text": "Q", "accepted": ["a"] },
                { "type": "numeric", "text": "Q", "min": 0, "max": 10, "correct": 3 },
                { "type": "poll", "text": "Q", "choices": ["a", "b"] } ] }
            """);

        Assert.Equal(QuizLanguage.Fr, quiz.Language);
        Assert.All(quiz.Questions, q => Assert.Equal(20, q.TimeLimitSeconds));
        Assert.Equal(PointsMode.Standard, quiz.Questions[0].Points);
        Assert.Null(quiz.Questions[0].Explanation);
        Assert.Null(quiz.Questions[0].ImageUrl);
        Assert.True(Assert.IsType<TypedAnswerQuestion>(quiz.Questions[1]).IgnoreAccents);
        var numeric = Assert.IsType<NumericQuestion>(quiz.Questions[2]);
        Assert.Equal((1, 0), (numeric.Step, numeric.Tolerance));
        Assert.Null(numeric.Unit);
        var poll = Assert.IsType<PollQuestion>(quiz.Questions[3]);
        Assert.False(poll.AllowSeveral);
        Assert.Equal(PointsMode.None, poll.Points);
    }

    [Fact]
    public void The_type_does_not_have_to_come_first() =>
        Assert.IsType<NumericQuestion>(ParseValid(OneQuestionQuiz("""{ "text": "Q", "min": 0, "max": 10, "correct": 3, "type": "numeric" }""")).Questions[0]);

    [Fact]
    public void Property_names_are_read_case_insensitively_and_unknown_ones_ignored()
    {
        var quiz = ParseValid("""{ "Title": "T", "LANGUAGE": "en", "author": "x", "questions": [ { "type": "trueFalse", "Text": "Q", "correct": true, "color": "red" } ] }""");
        Assert.Equal(("T", QuizLanguage.En), (quiz.Title, quiz.Language));
    }

    [Fact]
    public void A_question_without_type_is_invalid_json()
    {
        var error = ParseInvalid(OneQuestionQuiz("""{ "text": "Q", "correct": true }"""));
        Assert.Equal("json-invalid", error.Code);
        Assert.Contains("type", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("essay")]
    [InlineData("Single")]
    [InlineData("true_false")]
    public void An_unknown_type_is_invalid_json_and_the_message_lists_the_types(string type)
    {
        var error = ParseInvalid(OneQuestionQuiz($$"""{ "type": "{{type}}", "text": "Q", "correct": true }"""));
        Assert.Equal(("$.questions[0]", "json-invalid"), (error.Path, error.Code));
        Assert.Contains("single, multiple, trueFalse, typed, numeric, ordering or poll", error.Message);
    }

    [Theory]
    [InlineData("de")]
    [InlineData("FR")]
    [InlineData("")]
    public void A_language_other_than_fr_or_en_is_refused_at_its_path(string language)
    {
        var error = ParseInvalid($$"""{ "title": "T", "language": "{{language}}", "questions": [ { "type": "trueFalse", "text": "Q", "correct": true } ] }""");
        Assert.Equal(("$.language", "json-invalid"), (error.Path, error.Code));
    }

    [Fact]
    public void A_points_value_other_than_the_three_modes_is_refused()
    {
        var error = ParseInvalid(OneQuestionQuiz("""{ "type": "trueFalse", "text": "Q", "correct": true, "points": "triple" }"""));
        Assert.Equal(("$.questions[0].points", "json-invalid"), (error.Path, error.Code));
    }

    [Fact]
    public void A_missing_required_field_is_invalid_json()
    {
        var error = ParseInvalid(OneQuestionQuiz("""{ "type": "single", "text": "Q", "choices": ["a", "b"] }"""));
        Assert.Equal("json-invalid", error.Code);
        Assert.Contains("correct", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("""{ "title": "T", }""")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("""{ "title": 12, "questions": [] }""")]
    public void Malformed_json_is_invalid_json(string json) => Assert.Equal("json-invalid", ParseInvalid(json).Code);

    [Fact]
    public void Well_formed_json_is_then_validated_and_every_problem_is_returned()
    {
        var (quiz, errors) = QuizJson.Parse("""
            { "title": "", "language": "fr", "questions": [
                { "type": "poll", "text": "Q", "choices": ["a", "b"], "points": "standard" },
                { "type": "numeric", "text": "Q", "min": 5, "max": 5, "correct": 5 } ] }
            """);
        Assert.Null(quiz);
        Assert.Equal(
            [("title", "title-missing"), ("questions[0].points", "poll-scored"), ("questions[1].max", "range-invalid")],
            errors.Select(e => (e.Path, e.Code)));
    }
}
