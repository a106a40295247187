using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;
using LearnGame.Domain.Questions;
using LearnGame.Domain.Quizzes;

namespace LearnGame.UnitTests.Quizzes;

/// <summary>docs/quiz.schema.json agrees with the code: every quiz the code writes is valid, shapes it refuses are invalid.</summary>
public partial class QuizSchemaTests
{
    private static readonly string Root = FindRoot();
    private static readonly JsonSchema Schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(Root, "docs", "quiz.schema.json")));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "LearnGame.sln"))) return dir.FullName;
        throw new FileNotFoundException("LearnGame.sln not found above " + AppContext.BaseDirectory);
    }

    private static bool Valid(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Schema.Evaluate(document.RootElement).IsValid;
    }

    [GeneratedRegex("```json\\r?\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();

    public static TheoryData<string> QuizzesTheCodeWrites()
    {
        var data = new TheoryData<string>();
        foreach (var language in DemoQuizzes.Languages) data.Add(QuizJson.Write(DemoQuizzes.Load(language)));
        data.Add(QuizJson.Write(new Quiz("Coopération", QuizLanguage.Fr,
        [
            new SingleChoiceQuestion { Text = "Ensemble", Choices = ["a", "b"], Correct = 1, Collaborative = true },
            new MultipleChoiceQuestion { Text = "Revote", Choices = ["a", "b", "c"], Correct = [0, 2], PeerInstruction = true, DiscussionSeconds = 90 },
            new PollQuestion { Text = "Avis", Choices = ["oui", "non"], AllowSeveral = true },
            // The discussion time counts only for peer instruction: the validator reads it nowhere else.
            new TrueFalseQuestion { Text = "Sans débat", Correct = true, DiscussionSeconds = 5 },
        ])));
        return data;
    }

    [Theory]
    [MemberData(nameof(QuizzesTheCodeWrites))]
    public void Every_quiz_the_code_writes_is_valid_against_the_schema(string json) => Assert.True(Valid(json), json[..Math.Min(200, json.Length)]);

    [Fact]
    public void The_example_of_the_format_doc_is_valid_against_the_schema() =>
        Assert.True(Valid(JsonBlock().Match(File.ReadAllText(Path.Combine(Root, "docs", "quiz-format.md"))).Groups[1].Value));

    [Theory]
    [InlineData("""{ "questions": [{ "type": "trueFalse", "text": "Q", "correct": true }] }""")]
    [InlineData("""{ "title": "T", "questions": [] }""")]
    [InlineData("""{ "title": "T", "language": "de", "questions": [{ "type": "trueFalse", "text": "Q", "correct": true }] }""")]
    [InlineData("""{ "title": "T", "questions": [{ "type": "essay", "text": "Q" }] }""")]
    [InlineData("""{ "title": "T", "questions": [{ "type": "single", "text": "Q", "choices": ["a", "b"] }] }""")]
    [InlineData("""{ "title": "T", "questions": [{ "type": "trueFalse", "text": "Q", "correct": "yes" }] }""")]
    [InlineData("""{ "title": "T", "questions": [{ "type": "trueFalse", "text": "Q", "correct": true, "timeLimitSeconds": 1 }] }""")]
    [InlineData("""{ "title": "T", "questions": [{ "type": "poll", "text": "Q", "choices": ["a", "b"], "points": "double" }] }""")]
    [InlineData("""{ "title": "T", "questions": [{ "type": "numeric", "text": "Q", "min": 0, "max": 10 }] }""")]
    [InlineData("""{ "title": "T", "questions": [{ "type": "trueFalse", "text": "Q", "correct": true, "peerInstruction": true, "discussionSeconds": 5 }] }""")]
    public void Shapes_the_code_refuses_are_invalid_against_the_schema(string json)
    {
        Assert.False(Valid(json));
        Assert.Null(QuizJson.Parse(json).Quiz);
    }
}
