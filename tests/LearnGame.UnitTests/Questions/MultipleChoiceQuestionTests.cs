using LearnGame.Domain.Questions;
using LearnGame.UnitTests.Support;

namespace LearnGame.UnitTests.Questions;

/// <summary>Three right choices (0, 1, 2) among five.</summary>
public class MultipleChoiceQuestionTests
{
    private readonly MultipleChoiceQuestion _question = Make.Multiple(0, 1, 2);

    [Theory]
    [InlineData(new[] { 0, 1, 2 }, 1.0)]
    [InlineData(new[] { 2, 0, 1 }, 1.0)]
    [InlineData(new[] { 0, 1 }, 2.0 / 3)]
    [InlineData(new[] { 0 }, 1.0 / 3)]
    [InlineData(new[] { 0, 1, 3 }, 1.0 / 3)]
    [InlineData(new[] { 0, 1, 2, 3 }, 2.0 / 3)]
    [InlineData(new[] { 0, 1, 2, 3, 4 }, 1.0 / 3)]
    [InlineData(new[] { 0, 3 }, 0.0)]
    [InlineData(new[] { 0, 3, 4 }, 0.0)]
    [InlineData(new[] { 3, 4 }, 0.0)]
    public void Credit_is_right_picks_minus_wrong_picks_over_the_number_of_right_choices_never_below_zero(int[] picked, double credit) =>
        Assert.Equal(credit, _question.Grade(Answers.Choices(picked)), precision: 12);

    [Fact]
    public void With_a_single_right_choice_one_wrong_pick_cancels_it()
    {
        var question = Make.Multiple(4);
        Assert.Equal(1, question.Grade(Answers.Choices(4)));
        Assert.Equal(0, question.Grade(Answers.Choices(4, 0)));
    }

    [Fact]
    public void Any_set_of_distinct_listed_choices_is_well_formed()
    {
        Assert.Null(_question.CheckShape(Answers.Choices(4)));
        Assert.Null(_question.CheckShape(Answers.Choices(0, 1, 2, 3, 4)));
    }

    [Theory]
    [InlineData("flag")]
    [InlineData("text")]
    [InlineData("number")]
    [InlineData("order")]
    [InlineData("none")]
    [InlineData("two")]
    public void An_answer_of_another_type_is_refused_as_wrong_type(string kind) =>
        Assert.Equal("answer-wrong-type", _question.CheckShape(Answers.OfKind(kind))?.Code);

    [Theory]
    [InlineData(new int[0])]
    [InlineData(new[] { 0, 0 })]
    [InlineData(new[] { 1, 2, 1 })]
    [InlineData(new[] { 5 })]
    [InlineData(new[] { 0, -1 })]
    public void Empty_duplicate_or_unlisted_picks_are_out_of_range(int[] picked) =>
        Assert.Equal("answer-out-of-range", _question.CheckShape(Answers.Choices(picked))?.Code);

    [Fact]
    public void The_expected_answer_lists_the_right_choices_in_order() =>
        Assert.Equal([0, 2, 4], Make.Multiple(4, 0, 2).ExpectedAnswer().Choices!);

    [Fact]
    public void An_answer_counts_once_in_the_bucket_of_each_pick() =>
        Assert.Equal(["3", "0"], _question.DistributionKeys(Answers.Choices(3, 0)));
}
