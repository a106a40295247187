using LearnGame.Domain.Questions;
using LearnGame.Domain.Quizzes;

namespace LearnGame.Content.Tests;

/// <summary>HTML to text, slider guessing and the format registry.</summary>
public sealed class SupportTests
{
    [Theory]
    [InlineData("<p>Un <b>mot</b></p><p>Deux&nbsp;&amp; trois</p>", "Un mot\nDeux & trois")]
    [InlineData("<a title=\"a > b\" href=\"x\">lien</a>", "lien")]
    [InlineData("avant<script>document.write('<p>')</script>après<style>p{}</style>", "avantaprès")]
    [InlineData("a<br/>b<!-- <b>caché</b> -->", "a\nb")]
    [InlineData("2 &lt; 3 &#233;t&#xE9;", "2 < 3 été")]
    public void Html_is_reduced_to_plain_text(string html, string text) => Assert.Equal(text, HtmlText.ToText(html));

    [Theory]
    [InlineData(85, 2, 0, 190, 1)]
    [InlineData(3, 2, 0, 13, 1)]
    [InlineData(1822, 0, 0, 4000, 1)]
    [InlineData(-40, 0, -90, 0, 1)]
    [InlineData(20.5, 0.5, 0, 75, 0.1)]
    [InlineData(0.25, 0.05, 0, 1.3, 0.01)]
    public void Numeric_slider_is_guessed_from_the_value_and_tolerance(double correct, double tolerance, double min, double max, double step)
    {
        var guess = NumericSlider.Guess(correct, tolerance);
        Assert.Equal((min, max, step), (Math.Round(guess.Min, 9), Math.Round(guess.Max, 9), guess.Step));
        var question = new NumericQuestion { Text = "q", Min = guess.Min, Max = guess.Max, Step = guess.Step, Correct = correct, Tolerance = tolerance };
        Assert.Empty(QuizValidator.Validate(new Quiz("t", QuizLanguage.Fr, [question])));
    }

    [Fact]
    public void Formats_are_found_by_name_and_unknown_ones_are_null()
    {
        Assert.True(QuizFormats.Import("aiken", "Q ?\nA) a\nB) b\nANSWER: A", new ImportOptions("t"))!.Succeeded);
        Assert.Null(QuizFormats.Import("docx", "", new ImportOptions()));
        var quiz = new Quiz("t", QuizLanguage.En, [new TrueFalseQuestion { Text = "q", Correct = true }]);
        Assert.Equal(QuizJson.Write(quiz), QuizFormats.Export("json", quiz));
        Assert.Contains("{TRUE}", QuizFormats.Export("gift", quiz));
        Assert.Null(QuizFormats.Export("pdf", quiz));
    }

    [Fact]
    public void A_failed_import_has_no_quiz_and_a_successful_one_no_errors()
    {
        var failed = QuizFormats.Import("gift", "Q {", new ImportOptions("t"))!;
        Assert.Null(failed.Quiz);
        Assert.NotEmpty(failed.Errors);
        Assert.Throws<ArgumentException>(() => ImportResult.Failure([]));
    }
}
