using LearnGame.Domain.Questions;
using LearnGame.UnitTests.Support;

namespace LearnGame.UnitTests.Questions;

public class PollQuestionTests
{
    [Fact]
    public void A_poll_is_never_graded()
    {
        var poll = Make.Poll();
        Assert.False(poll.IsGraded);
        Assert.Equal(0, poll.Grade(Answers.Choice(0)));
        Assert.Equal(0, poll.Grade(Answers.Choice(2)));
    }

    [Fact]
    public void A_poll_is_worth_no_points_by_default() => Assert.Equal(PointsMode.None, Make.Poll().Points);

    [Fact]
    public void A_poll_has_no_expected_answer() => Assert.Null(Make.Poll().ExpectedAnswer());

    [Fact]
    public void A_single_choice_poll_takes_exactly_one_choice()
    {
        var poll = Make.Poll(allowSeveral: false);
        Assert.Null(poll.CheckShape(Answers.Choice(2)));
        Assert.Equal("answer-out-of-range", poll.CheckShape(Answers.Choices(0, 1))?.Code);
    }

    [Fact]
    public void A_poll_allowing_several_takes_several_distinct_choices()
    {
        var poll = Make.Poll(allowSeveral: true);
        Assert.Null(poll.CheckShape(Answers.Choices(0, 2)));
        Assert.Equal("answer-out-of-range", poll.CheckShape(Answers.Choices(0, 0))?.Code);
        Assert.Equal("answer-out-of-range", poll.CheckShape(Answers.Choices())?.Code);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    public void An_unlisted_choice_is_out_of_range(int choice) =>
        Assert.Equal("answer-out-of-range", Make.Poll().CheckShape(Answers.Choice(choice))?.Code);

    [Theory]
    [InlineData("flag")]
    [InlineData("text")]
    [InlineData("number")]
    [InlineData("order")]
    [InlineData("none")]
    [InlineData("two")]
    public void Anything_but_choices_is_refused_as_wrong_type(string kind) =>
        Assert.Equal("answer-wrong-type", Make.Poll().CheckShape(Answers.OfKind(kind))?.Code);

    [Fact]
    public void Each_pick_counts_in_its_bucket() =>
        Assert.Equal(["0", "2"], Make.Poll(allowSeveral: true).DistributionKeys(Answers.Choices(0, 2)));
}
