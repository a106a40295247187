using System.Globalization;
using LearnGame.Domain.Questions;
using LearnGame.UnitTests.Support;

namespace LearnGame.UnitTests.Questions;

/// <summary>A 0–100 slider, 50 is right with a tolerance of 5: credit falls to zero over 25 (a quarter of the range) beyond the tolerance.</summary>
public class NumericQuestionTests
{
    private readonly NumericQuestion _question = Make.Numeric(correct: 50, tolerance: 5);

    [Fact]
    public void The_falloff_is_a_quarter_of_the_range() => Assert.Equal(25, _question.Falloff);

    [Theory]
    [InlineData(50)]
    [InlineData(45)]
    [InlineData(55)]
    [InlineData(52.5)]
    public void Any_value_within_the_tolerance_earns_full_credit(double given) =>
        Assert.Equal(1, _question.Grade(Answers.Number(given)));

    [Theory]
    [InlineData(60, 0.8)]
    [InlineData(40, 0.8)]
    [InlineData(67.5, 0.5)]
    [InlineData(30, 0.4)]
    [InlineData(79, 0.04)]
    [InlineData(80, 0)]
    [InlineData(20, 0)]
    [InlineData(100, 0)]
    [InlineData(0, 0)]
    public void Beyond_the_tolerance_credit_falls_linearly_to_zero(double given, double credit) =>
        Assert.Equal(credit, _question.Grade(Answers.Number(given)), precision: 12);

    [Fact]
    public void Without_tolerance_only_the_exact_value_earns_full_credit()
    {
        var question = Make.Numeric(correct: 50, tolerance: 0);
        Assert.Equal(1, question.Grade(Answers.Number(50)));
        Assert.Equal(0.96, question.Grade(Answers.Number(51)), precision: 12);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    [InlineData(33.3)]
    public void Values_within_the_slider_are_well_formed(double given) =>
        Assert.Null(_question.CheckShape(Answers.Number(given)));

    [Theory]
    [InlineData(-0.1)]
    [InlineData(100.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Values_outside_the_slider_are_out_of_range(double given) =>
        Assert.Equal("answer-out-of-range", _question.CheckShape(Answers.Number(given))?.Code);

    [Theory]
    [InlineData("choices")]
    [InlineData("flag")]
    [InlineData("text")]
    [InlineData("order")]
    [InlineData("none")]
    [InlineData("two")]
    public void Anything_but_a_number_is_refused_as_wrong_type(string kind) =>
        Assert.Equal("answer-wrong-type", _question.CheckShape(Answers.OfKind(kind))?.Code);

    [Fact]
    public void The_expected_answer_is_the_right_value() => Assert.Equal(50, _question.ExpectedAnswer().Number);

    [Fact]
    public void Buckets_use_the_invariant_decimal_point_whatever_the_culture()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");
            Assert.Equal(["12.5"], _question.DistributionKeys(Answers.Number(12.5)));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void The_reveal_shows_the_tolerance_and_no_list_of_accepted_answers()
    {
        Assert.Equal(5, _question.FullCreditTolerance());
        Assert.Null(_question.AcceptedAnswers());
    }
}
