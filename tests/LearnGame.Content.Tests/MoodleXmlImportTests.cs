using LearnGame.Content.MoodleXml;
using LearnGame.Domain.Questions;
using LearnGame.Domain.Quizzes;

namespace LearnGame.Content.Tests;

/// <summary>How Moodle XML files become quizzes, safely.</summary>
public sealed class MoodleXmlImportTests
{
    private static ImportResult Import(string path, string? title = null) =>
        MoodleXmlImporter.Import(Fixture.Read(path), new ImportOptions(title, QuizLanguage.Fr));

    private static ImportResult AllTypes()
    {
        var result = Import("moodle-xml/all-types.xml");
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result;
    }

    [Fact]
    public void Moodle_xml_category_names_the_quiz() => Assert.Equal("Sécurité numérique", AllTypes().Quiz!.Title);

    [Fact]
    public void Moodle_xml_single_multichoice_with_html_and_general_feedback()
    {
        var q = Assert.IsType<SingleChoiceQuestion>(AllTypes().Quiz!.Questions[0]);
        Assert.Equal("Quel mot de passe est le plus solide ?", q.Text);
        Assert.Equal(1, q.Correct);
        Assert.Equal("La longueur compte plus que la complexité.", q.Explanation);
    }

    [Fact]
    public void Moodle_xml_multiple_answer_multichoice_takes_positive_fractions_as_right() =>
        Assert.Equal([0, 1], Assert.IsType<MultipleChoiceQuestion>(AllTypes().Quiz!.Questions[1]).Correct);

    [Fact]
    public void Moodle_xml_true_false_takes_the_right_answer_feedback_as_explanation()
    {
        var q = Assert.IsType<TrueFalseQuestion>(AllTypes().Quiz!.Questions[2]);
        Assert.False(q.Correct);
        Assert.Equal("Il chiffre le trajet, c'est tout.", q.Explanation);
    }

    [Fact]
    public void Moodle_xml_short_answer_and_numerical_with_unit()
    {
        var quiz = AllTypes().Quiz!;
        Assert.Equal(["double authentification", "2FA"], Assert.IsType<TypedAnswerQuestion>(quiz.Questions[3]).Accepted);
        var n = Assert.IsType<NumericQuestion>(quiz.Questions[4]);
        Assert.Equal((12, 2, "caractères"), (n.Correct, n.Tolerance, n.Unit));
    }

    [Fact]
    public void Moodle_xml_other_types_are_skipped_with_a_warning_naming_the_question()
    {
        var warnings = AllTypes().Warnings.Where(w => w.Code == "xml-type-skipped").ToList();
        Assert.Equal(["question[7]", "question[8]"], warnings.Select(w => w.Path));
        Assert.Contains("essay", warnings[0].Message);
        Assert.Equal(5, AllTypes().Quiz!.Questions.Count);
    }

    [Fact]
    public void Moodle_xml_with_a_dtd_is_refused_so_no_external_entity_is_read()
    {
        var result = Import("moodle-xml/xxe.xml", "t");
        Assert.False(result.Succeeded);
        Assert.Equal(("xml-dtd-forbidden", 2), (result.Errors[0].Code, result.Errors[0].Line));
    }

    [Fact]
    public void Moodle_xml_not_well_formed_is_an_error_with_its_line()
    {
        var error = Assert.Single(Import("moodle-xml/not-well-formed.xml", "t").Errors);
        Assert.Equal(("xml-invalid", 4), (error.Code, error.Line));
    }

    [Fact]
    public void Moodle_xml_malformed_questions_are_errors_naming_question_and_field()
    {
        var result = Import("moodle-xml/malformed.xml", "t");
        Assert.Equal(
            [("question[1]", "xml-no-right-answer"), ("question[2]", "xml-number-invalid"), ("question[3]/answer[1]/@fraction", "xml-fraction-invalid"), ("question[3]", "xml-no-right-answer")],
            result.Errors.Select(e => (e.Path, e.Code)));
    }
}
