using FsCheck.Xunit;
using LearnGame.Content.Gift;
using LearnGame.Domain.Quizzes;

namespace LearnGame.Content.Tests;

public sealed class GiftRoundTripTests
{
    [Property(Arbitrary = [typeof(QuizGenerators)], MaxTest = 300)]
    public void A_gift_export_reimports_to_the_same_quiz(Quiz quiz)
    {
        var gift = GiftExporter.Write(quiz);
        var result = GiftImporter.Import(gift, new ImportOptions("ignored", QuizLanguage.En));
        Assert.True(result.Succeeded, string.Join("\n", result.Errors) + "\n" + gift);
        Assert.Empty(result.Warnings);
        Assert.Equal(QuizJson.Write(quiz), QuizJson.Write(result.Quiz!));
    }
}
