using LearnGame.Domain.Questions;
using LearnGame.UnitTests.Support;

namespace LearnGame.UnitTests.Questions;

public class TrueFalseQuestionTests
{
    [Theory]
    [InlineData(true, true, 1)]
    [InlineData(true, false, 0)]
    [InlineData(false, false, 1)]
    [InlineData(false, true, 0)]
    public void Only_the_right_flag_earns_credit(bool correct, bool given, double credit) =>
        Assert.Equal(credit, Make.TrueFalse(correct).Grade(Answers.Flag(given)));

    [Theory]
    [InlineData("choices")]
    [InlineData("text")]
    [InlineData("number")]
    [InlineData("order")]
    [InlineData("none")]
    [InlineData("two")]
    public void Anything_but_a_single_flag_is_refused_as_wrong_type(string kind) =>
        Assert.Equal("answer-wrong-type", Make.TrueFalse().CheckShape(Answers.OfKind(kind))?.Code);

    [Fact]
    public void A_flag_is_well_formed() => Assert.Null(Make.TrueFalse().CheckShape(Answers.Flag(false)));

    [Fact]
    public void The_expected_answer_is_the_right_flag() => Assert.False(Make.TrueFalse(false).ExpectedAnswer().Flag);

    [Fact]
    public void Answers_fall_in_the_true_and_false_buckets()
    {
        Assert.Equal(["true"], Make.TrueFalse().DistributionKeys(Answers.Flag(true)));
        Assert.Equal(["false"], Make.TrueFalse().DistributionKeys(Answers.Flag(false)));
    }
}
