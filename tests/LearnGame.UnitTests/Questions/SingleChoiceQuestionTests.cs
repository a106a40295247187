using LearnGame.Domain.Questions;
using LearnGame.UnitTests.Support;

namespace LearnGame.UnitTests.Questions;

public class SingleChoiceQuestionTests
{
    private readonly SingleChoiceQuestion _question = Make.Single(correct: 1);

    [Fact]
    public void The_right_choice_earns_full_credit() => Assert.Equal(1, _question.Grade(Answers.Choice(1)));

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(3)]
    public void Any_other_choice_earns_nothing(int choice) => Assert.Equal(0, _question.Grade(Answers.Choice(choice)));

    [Fact]
    public void One_listed_choice_is_well_formed() => Assert.Null(_question.CheckShape(Answers.Choice(3)));

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
    [InlineData(-1)]
    [InlineData(4)]
    [InlineData(int.MaxValue)]
    public void A_choice_outside_the_list_is_out_of_range(int choice) =>
        Assert.Equal("answer-out-of-range", _question.CheckShape(Answers.Choice(choice))?.Code);

    [Fact]
    public void Several_choices_are_refused() =>
        Assert.Equal("answer-out-of-range", _question.CheckShape(Answers.Choices(0, 1))?.Code);

    [Fact]
    public void The_same_choice_twice_is_refused() =>
        Assert.Equal("answer-out-of-range", _question.CheckShape(Answers.Choices(1, 1))?.Code);

    [Fact]
    public void An_empty_choice_list_is_refused() =>
        Assert.Equal("answer-out-of-range", _question.CheckShape(Answers.Choices())?.Code);

    [Fact]
    public void The_expected_answer_is_the_right_choice() =>
        Assert.Equal([1], _question.ExpectedAnswer().Choices!);

    [Fact]
    public void An_answer_counts_in_the_bucket_of_its_choice() =>
        Assert.Equal(["2"], _question.DistributionKeys(Answers.Choice(2)));

    [Fact]
    public void It_is_graded() => Assert.True(_question.IsGraded);

    [Fact]
    public void Choices_are_graded_and_revealed_as_shown_whatever_the_shuffle()
    {
        Assert.Equal(1, _question.GradeAsShown(Answers.Choice(1), shuffleSeed: 42));
        Assert.Equal(_question.ExpectedAnswer().Choices!, _question.ExpectedAsShown(shuffleSeed: 42)!.Choices!);
        Assert.Null(_question.AcceptedAnswers());
        Assert.Null(_question.FullCreditTolerance());
    }
}
