using LearnGame.Domain.Questions;
using LearnGame.Domain.Quizzes;
using LearnGame.Domain.Sessions.Views;

namespace LearnGame.UnitTests.Quizzes;

public class DemoQuizzesTests
{
    private static readonly string[] AllTypes = ["single", "multiple", "trueFalse", "typed", "numeric", "ordering", "poll"];

    public static TheoryData<QuizLanguage> Languages => new(DemoQuizzes.Languages);

    [Fact]
    public void There_is_a_demo_in_every_language()
    {
        Assert.Equal(Enum.GetValues<QuizLanguage>().Order(), DemoQuizzes.Languages.Order());
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Demo_loads_in_its_language_and_validates(QuizLanguage language)
    {
        var quiz = DemoQuizzes.Load(language);

        Assert.Equal(language, quiz.Language);
        Assert.Empty(QuizValidator.Validate(quiz));
        Assert.InRange(quiz.Questions.Count, 8, 10);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Demo_survives_a_write_and_parse_round_trip(QuizLanguage language)
    {
        var quiz = DemoQuizzes.Load(language);

        var (again, errors) = QuizJson.Parse(QuizJson.Write(quiz));

        Assert.Empty(errors);
        Assert.Equal(QuizJson.Write(quiz), QuizJson.Write(again!));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Demo_covers_every_question_type(QuizLanguage language)
    {
        var quiz = DemoQuizzes.Load(language);

        var types = quiz.Questions.Select(QuestionView.TypeName).ToHashSet();

        Assert.All(AllTypes, t => Assert.Contains(t, types));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Demo_shows_off_the_format(QuizLanguage language)
    {
        var questions = DemoQuizzes.Load(language).Questions;

        Assert.Contains(questions, q => q.Points == PointsMode.Double);
        Assert.All(questions, q => Assert.InRange(q.TimeLimitSeconds, 10, 45));
        Assert.All(questions, q => Assert.Null(q.ImageUrl));
        Assert.True(questions.Count(q => !string.IsNullOrWhiteSpace(q.Explanation)) * 2 > questions.Count, "Most questions need an explanation.");
        Assert.All(questions.OfType<PollQuestion>(), p => Assert.Equal(PointsMode.None, p.Points));
        Assert.All(questions.OfType<OrderingQuestion>(), o => Assert.InRange(o.Items.Count, 4, 5));
        Assert.Contains(questions.OfType<TypedAnswerQuestion>(), t => t.Accepted.Count > 1 && t.IgnoreAccents);
        Assert.Contains(questions.OfType<NumericQuestion>(), n => n.Step > 0 && n.Tolerance >= 0 && n.Min < n.Correct && n.Correct < n.Max);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Demo_expected_answers_get_full_credit(QuizLanguage language)
    {
        foreach (var q in DemoQuizzes.Load(language).Questions.Where(q => q.IsGraded))
        {
            var expected = q.ExpectedAnswer()!;
            Assert.Null(q.CheckShape(expected));
            Assert.Equal(1, q.Grade(expected));
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Demo_has_real_content(QuizLanguage language)
    {
        var quiz = DemoQuizzes.Load(language);

        var texts = Texts(quiz).ToList();

        Assert.All(texts, t => Assert.DoesNotContain("lorem", t, StringComparison.OrdinalIgnoreCase));
        Assert.All(texts, t => Assert.DoesNotContain("ipsum", t, StringComparison.OrdinalIgnoreCase));
        Assert.All(texts, t => Assert.DoesNotContain("TODO", t, StringComparison.Ordinal));
        Assert.All(quiz.Questions, q => Assert.True(q.Text.Length >= 20, $"Question too short to be real: {q.Text}"));
        Assert.Equal(quiz.Questions.Count, quiz.Questions.Select(q => q.Text).Distinct().Count());
    }

    [Fact]
    public void French_demo_is_written_in_french()
    {
        var quiz = DemoQuizzes.Load(QuizLanguage.Fr);
        var words = Words(quiz);

        Assert.Contains(Texts(quiz), t => t.Any(c => "éèêàçù".Contains(c)));
        Assert.True(words.Count(w => w is "le" or "la" or "les" or "de" or "des" or "un" or "une" or "et" or "vous") > 20);
        Assert.True(words.Count(w => w is "the" or "and" or "you" or "of") < 3);
    }

    [Fact]
    public void English_demo_is_written_in_english()
    {
        var quiz = DemoQuizzes.Load(QuizLanguage.En);
        var words = Words(quiz);

        Assert.True(words.Count(w => w is "the" or "and" or "you" or "of" or "a" or "to") > 20);
        Assert.True(words.Count(w => w is "le" or "les" or "des" or "une" or "vous") < 3);
    }

    [Fact]
    public void Demos_differ_by_language()
    {
        Assert.NotEqual(DemoQuizzes.Load(QuizLanguage.Fr).Title, DemoQuizzes.Load(QuizLanguage.En).Title);
    }

    private static IEnumerable<string> Texts(Quiz quiz)
    {
        yield return quiz.Title;
        foreach (var q in quiz.Questions)
        {
            yield return q.Text;
            if (q.Explanation is { } e) yield return e;
            var extra = q switch
            {
                SingleChoiceQuestion s => s.Choices,
                MultipleChoiceQuestion m => m.Choices,
                PollQuestion p => p.Choices,
                OrderingQuestion o => o.Items,
                TypedAnswerQuestion t => t.Accepted,
                NumericQuestion { Unit: { } unit } => [unit],
                _ => [],
            };
            foreach (var x in extra) yield return x;
        }
    }

    private static List<string> Words(Quiz quiz) =>
        Texts(quiz)
            .SelectMany(t => t.Split([' ', '\u00a0', ',', '.', '?', '!', ':', ';', '(', ')', '«', '»', '"', '’', '\''], StringSplitOptions.RemoveEmptyEntries))
            .Select(w => w.ToLowerInvariant())
            .ToList();
}
