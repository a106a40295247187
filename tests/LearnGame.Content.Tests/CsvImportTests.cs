using LearnGame.Content.Csv;
using LearnGame.Domain.Questions;
using LearnGame.Domain.Quizzes;

namespace LearnGame.Content.Tests;

/// <summary>How the CSV template, as French Excel saves it, becomes a quiz.</summary>
public sealed class CsvImportTests
{
    private static ImportResult Import(string path) => CsvImporter.Import(Fixture.Read(path), new ImportOptions("Chantier", QuizLanguage.Fr));

    private static Quiz Excel()
    {
        var result = Import("csv/semicolon-excel.csv");
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.Quiz!;
    }

    [Fact]
    public void Csv_from_french_excel_with_bom_semicolons_and_crlf_gives_every_type()
    {
        var quiz = Excel();
        Assert.Equal(
            [typeof(SingleChoiceQuestion), typeof(MultipleChoiceQuestion), typeof(TrueFalseQuestion), typeof(TypedAnswerQuestion),
             typeof(NumericQuestion), typeof(NumericQuestion), typeof(OrderingQuestion), typeof(PollQuestion)],
            quiz.Questions.Select(q => q.GetType()));
    }

    [Fact]
    public void Csv_single_choice_reads_correct_as_a_one_based_number_with_time_and_explanation()
    {
        var q = Assert.IsType<SingleChoiceQuestion>(Excel().Questions[0]);
        Assert.Equal(["Blanc", "Jaune", "Bleu"], q.Choices);
        Assert.Equal((0, 30, "Le blanc distingue l'encadrement."), (q.Correct, q.TimeLimitSeconds, q.Explanation));
    }

    [Fact]
    public void Csv_quoted_fields_keep_separators_quotes_and_line_breaks()
    {
        var quiz = Excel();
        Assert.Equal("Quels EPI ; obligatoires ?", quiz.Questions[1].Text);
        Assert.Equal("Quel animal a une \"trompe\" ?", quiz.Questions[3].Text);
        Assert.Equal("Remettez dans l'ordre :\nles étapes", quiz.Questions[6].Text);
    }

    [Fact]
    public void Csv_multiple_choice_lists_right_choices_and_points()
    {
        var q = Assert.IsType<MultipleChoiceQuestion>(Excel().Questions[1]);
        Assert.Equal([0, 1], q.Correct);
        Assert.Equal(PointsMode.Double, q.Points);
    }

    [Fact]
    public void Csv_french_keywords_and_decimal_commas_are_understood()
    {
        var quiz = Excel();
        Assert.False(Assert.IsType<TrueFalseQuestion>(quiz.Questions[2]).Correct);
        Assert.Equal(["éléphant", "elephant"], Assert.IsType<TypedAnswerQuestion>(quiz.Questions[3]).Accepted);
        var given = Assert.IsType<NumericQuestion>(quiz.Questions[4]);
        Assert.Equal((50, 120, 1, 85, 2, "dB"), (given.Min, given.Max, given.Step, given.Correct, given.Tolerance, given.Unit));
        var guessed = Assert.IsType<NumericQuestion>(quiz.Questions[5]);
        Assert.Equal((20.5, 0.5, 0.1, "°C"), (guessed.Correct, guessed.Tolerance, guessed.Step, guessed.Unit));
        Assert.Equal(["Baliser", "Couper", "Vérifier"], Assert.IsType<OrderingQuestion>(quiz.Questions[6]).Items);
        var poll = Assert.IsType<PollQuestion>(quiz.Questions[7]);
        Assert.Equal((PointsMode.None, "/images/avis.png"), (poll.Points, poll.ImageUrl));
    }

    [Fact]
    public void Csv_numeric_row_without_min_and_max_gets_a_slider_and_a_warning()
    {
        var warning = Assert.Single(Import("csv/semicolon-excel.csv").Warnings);
        Assert.Equal(("numeric-slider-chosen", 7, "min"), (warning.Code, warning.Line, warning.Path));
    }

    [Fact]
    public void Csv_comma_separated_file_is_detected_from_its_header()
    {
        var result = Import("csv/comma.csv");
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var q = Assert.IsType<SingleChoiceQuestion>(result.Quiz!.Questions[0]);
        Assert.Equal(("Capital of France, in one word?", 0), (q.Text, q.Correct));
        Assert.True(Assert.IsType<TrueFalseQuestion>(result.Quiz.Questions[1]).Correct);
    }

    [Fact]
    public void Csv_malformed_rows_fail_with_their_line_column_and_code()
    {
        var result = Import("csv/malformed.csv");
        Assert.False(result.Succeeded);
        Assert.Equal(
            [(2, "type", "csv-type-unknown"), (3, "correct", "csv-correct-invalid"), (4, "choice2", "csv-choice-gap"),
             (5, "correct", "csv-number-invalid"), (6, "timeLimit", "csv-number-invalid")],
            result.Errors.Select(e => (e.Line ?? 0, e.Path, e.Code)));
    }

    [Fact]
    public void Csv_row_breaking_the_quiz_rules_fails_with_the_validator_error_on_its_line()
    {
        var error = Assert.Single(Import("csv/invalid-quiz.csv").Errors);
        Assert.Equal(("time-limit-out-of-range", 2, "questions[0].timeLimitSeconds"), (error.Code, error.Line, error.Path));
    }

    [Fact]
    public void Csv_unclosed_quote_is_an_error_on_the_line_it_opens()
    {
        var error = Assert.Single(Import("csv/unclosed-quote.csv").Errors);
        Assert.Equal(("csv-quote-unclosed", 2), (error.Code, error.Line));
    }

    [Fact]
    public void Csv_without_a_question_column_is_refused()
    {
        var error = Assert.Single(CsvImporter.Import("type;texte_libre\nsingle;x", new ImportOptions("t")).Errors);
        Assert.Equal(("csv-column-missing", "question"), (error.Code, error.Path));
    }

    [Fact]
    public void Csv_headers_may_be_french_and_unknown_columns_are_reported()
    {
        var result = CsvImporter.Import("Type;Énoncé;Choix 1;Choix 2;Bonne réponse;Commentaire\nunique;Q ?;a;b;2;rien", new ImportOptions("t"));
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(1, Assert.IsType<SingleChoiceQuestion>(Assert.Single(result.Quiz!.Questions)).Correct);
        Assert.Equal(("csv-column-unknown", "Commentaire"), (result.Warnings[0].Code, result.Warnings[0].Path));
    }

    [Fact]
    public void Csv_excel_separator_hint_line_is_honoured() =>
        Assert.True(CsvImporter.Import("sep=,\ntype,question,correct\ntruefalse,\"Oui; non ?\",vrai", new ImportOptions("t")).Succeeded);

    [Fact]
    public void Csv_example_of_the_documentation_imports_without_warnings()
    {
        var result = Import("csv/docs-example.csv");
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Empty(result.Warnings);
        Assert.Equal(7, result.Quiz!.Questions.Count);
    }
}
