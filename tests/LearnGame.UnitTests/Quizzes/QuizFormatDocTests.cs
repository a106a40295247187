using System.Text.RegularExpressions;
using LearnGame.Domain.Questions;
using LearnGame.Domain.Quizzes;

namespace LearnGame.UnitTests.Quizzes;

/// <summary>docs/quiz-format.md stays true to the code: its example is a valid quiz and it lists every error code.</summary>
public partial class QuizFormatDocTests
{
    private static string Doc()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "LearnGame.sln")))
                return File.ReadAllText(Path.Combine(dir.FullName, "docs", "quiz-format.md"));
        throw new FileNotFoundException("LearnGame.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("```json\\r?\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();

    [Fact]
    public void The_example_quiz_in_the_doc_is_valid_and_round_trips()
    {
        var example = JsonBlock().Match(Doc()).Groups[1].Value;

        var (quiz, errors) = QuizJson.Parse(example);

        Assert.Empty(errors);
        Assert.Equal(["single", "typed", "numeric", "poll"], quiz!.Questions.Select(Domain.Sessions.Views.QuestionView.TypeName));
        Assert.Equal(QuizJson.Write(quiz), QuizJson.Write(QuizJson.Parse(QuizJson.Write(quiz)).Quiz!));
        Assert.Equal(PointsMode.Double, quiz.Questions[2].Points);
    }

    [Theory]
    [InlineData("json-invalid")]
    [InlineData("title-missing")]
    [InlineData("title-too-long")]
    [InlineData("language-unsupported")]
    [InlineData("questions-missing")]
    [InlineData("questions-too-many")]
    [InlineData("question-missing")]
    [InlineData("text-missing")]
    [InlineData("text-too-long")]
    [InlineData("time-limit-out-of-range")]
    [InlineData("points-invalid")]
    [InlineData("explanation-too-long")]
    [InlineData("image-url-invalid")]
    [InlineData("choices-count")]
    [InlineData("choice-empty")]
    [InlineData("choice-too-long")]
    [InlineData("choice-duplicate")]
    [InlineData("correct-out-of-range")]
    [InlineData("correct-missing")]
    [InlineData("correct-duplicate")]
    [InlineData("accepted-missing")]
    [InlineData("accepted-empty")]
    [InlineData("accepted-too-long")]
    [InlineData("range-invalid")]
    [InlineData("step-invalid")]
    [InlineData("tolerance-invalid")]
    [InlineData("items-count")]
    [InlineData("item-empty")]
    [InlineData("item-too-long")]
    [InlineData("poll-scored")]
    public void The_doc_explains_each_error_code(string code) => Assert.Contains($"| `{code}` |", Doc());
}
