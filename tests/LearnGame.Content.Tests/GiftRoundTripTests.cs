using FsCheck.Xunit;
using LearnGame.Content.Gift;
using LearnGame.Domain.Questions;
using LearnGame.Domain.Quizzes;

namespace LearnGame.Content.Tests;

/// <summary>A GIFT export reads back to the very same quiz.</summary>
public sealed class GiftRoundTripTests
{
    [Property(Arbitrary = [typeof(QuizGenerators)], MaxTest = 500)]
    public void A_gift_export_reimports_to_the_same_quiz(Quiz quiz)
    {
        var gift = GiftExporter.Write(quiz);
        var result = GiftImporter.Import(gift, new ImportOptions("ignored", QuizLanguage.En));
        Assert.True(result.Succeeded, string.Join("\n", result.Errors) + "\n" + gift);
        Assert.Empty(result.Warnings);
        Assert.Equal(QuizJson.Write(quiz), QuizJson.Write(result.Quiz!));
    }

    public static TheoryData<string, Question> Tricky => new()
    {
        { "a text that looks like a format marker", new TrueFalseQuestion { Text = "[html]<b>pas du HTML</b>", Correct = true } },
        { "choices that look like weights", new SingleChoiceQuestion { Text = "TVA ?", Choices = ["%20% de TVA", "%5.5%"], Correct = 1 } },
        { "a typed answer that looks like a matching pair", new TypedAnswerQuestion { Text = "Flèche ?", Accepted = ["a -> b"] } },
        { "ordering items with arrows and weights", new OrderingQuestion { Text = "Ordre", Items = ["x -> 2", "%5% y", "z"] } },
        { "a multiple choice with one right answer", new MultipleChoiceQuestion { Text = "Q", Choices = ["a", "b"], Correct = [1] } },
        { "a multiple choice where all are right", new MultipleChoiceQuestion { Text = "Q", Choices = ["a", "b", "c"], Correct = [0, 1, 2] } },
        { "an explanation full of hashes and a comment", new TrueFalseQuestion { Text = "// pas un commentaire", Correct = false, Explanation = "#### // ::x:: {T}" } },
        { "a negative decimal numeric", new NumericQuestion { Text = "Froid ?", Min = -273.15, Max = 0.5, Step = 0.05, Correct = -40.25, Tolerance = 0.125, Unit = "°C" } },
        { "a poll allowing several choices", new PollQuestion { Text = "Avis ?", Choices = ["Oui", "Non"], AllowSeveral = true } },
        { "a text with a backslash before n", new TrueFalseQuestion { Text = "C:\\new\\n dossier\nligne 2", Correct = true } },
    };

    [Theory]
    [MemberData(nameof(Tricky))]
    public void A_gift_export_of_a_tricky_question_reimports_unchanged(string because, Question question)
    {
        var quiz = new Quiz("Titre / avec \"slash\" et :: deux-points", QuizLanguage.Fr, [question]);
        var result = GiftImporter.Import(GiftExporter.Write(quiz), new ImportOptions());
        Assert.True(result.Succeeded, because + ": " + string.Join("\n", result.Errors));
        Assert.Equal(QuizJson.Write(quiz), QuizJson.Write(result.Quiz!));
    }

    [Fact]
    public void A_gift_export_names_moodle_category_after_the_quiz_and_titles_questions()
    {
        var quiz = new Quiz("Sécurité/Chantier", QuizLanguage.Fr, [new TrueFalseQuestion { Text = "Q", Correct = true }]);
        var gift = GiftExporter.Write(quiz);
        Assert.Contains("$CATEGORY: $course$/top/Sécurité//Chantier\n", gift);
        Assert.Contains("::Q1:: Q {TRUE}", gift);
    }
}
