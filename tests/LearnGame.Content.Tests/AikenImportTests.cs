using LearnGame.Content.Aiken;
using LearnGame.Domain.Questions;
using LearnGame.Domain.Quizzes;

namespace LearnGame.Content.Tests;

/// <summary>How Aiken files become single-choice questions.</summary>
public sealed class AikenImportTests
{
    private static ImportResult Import(string path) => AikenImporter.Import(Fixture.Read(path), new ImportOptions("Urgences", QuizLanguage.Fr));

    [Fact]
    public void Aiken_questions_are_single_choices_with_the_answer_letter_as_the_right_one()
    {
        var result = Import("aiken/valid.txt");
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Empty(result.Warnings);
        var first = Assert.IsType<SingleChoiceQuestion>(result.Quiz!.Questions[0]);
        Assert.Equal("Quel est le numéro d'urgence européen ?", first.Text);
        Assert.Equal(["15", "112", "18"], first.Choices);
        Assert.Equal(1, first.Correct);
    }

    [Fact]
    public void Aiken_question_may_span_lines_use_dotted_letters_and_a_lower_case_answer()
    {
        var second = Assert.IsType<SingleChoiceQuestion>(Import("aiken/valid.txt").Quiz!.Questions[1]);
        Assert.Equal("Qui porte le casque blanc\nsur le chantier ?", second.Text);
        Assert.Equal(["Le chef de chantier", "Le visiteur"], second.Choices);
        Assert.Equal(0, second.Correct);
    }

    [Fact]
    public void Aiken_title_and_language_come_from_the_options()
    {
        var quiz = Import("aiken/valid.txt").Quiz!;
        Assert.Equal(("Urgences", QuizLanguage.Fr), (quiz.Title, quiz.Language));
    }

    [Fact]
    public void Aiken_missing_unknown_answers_and_missing_options_are_errors_with_their_lines()
    {
        var result = Import("aiken/malformed.txt");
        Assert.False(result.Succeeded);
        Assert.Equal(
            [(1, "aiken-answer-missing"), (8, "aiken-answer-unknown"), (10, "aiken-options-missing")],
            result.Errors.Select(e => (e.Line ?? 0, e.Code)));
        Assert.Contains("A, B", result.Errors[1].Message);
    }
}
