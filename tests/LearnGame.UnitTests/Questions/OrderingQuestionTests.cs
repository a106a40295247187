using LearnGame.Domain.Questions;
using LearnGame.UnitTests.Support;

namespace LearnGame.UnitTests.Questions;

public class OrderingQuestionTests
{
    private readonly OrderingQuestion _question = Make.Ordering(items: 4);

    [Theory]
    [InlineData(new[] { 0, 1, 2, 3 }, 1.0)]
    [InlineData(new[] { 1, 0, 2, 3 }, 0.5)]
    [InlineData(new[] { 0, 2, 1, 3 }, 0.5)]
    [InlineData(new[] { 0, 1, 3, 2 }, 0.5)]
    [InlineData(new[] { 0, 3, 2, 1 }, 0.5)]
    [InlineData(new[] { 2, 1, 0, 3 }, 0.5)]
    [InlineData(new[] { 0, 2, 3, 1 }, 0.25)]
    [InlineData(new[] { 3, 2, 1, 0 }, 0.0)]
    [InlineData(new[] { 1, 2, 3, 0 }, 0.0)]
    public void Credit_is_the_share_of_items_in_their_right_place(int[] order, double credit) =>
        Assert.Equal(credit, _question.Grade(Answers.Order(order)));

    [Fact]
    public void Every_permutation_of_the_items_is_well_formed() =>
        Assert.Null(_question.CheckShape(Answers.Order(3, 1, 0, 2)));

    [Theory]
    [InlineData(new[] { 0, 1, 2 })]
    [InlineData(new[] { 0, 1, 2, 3, 0 })]
    [InlineData(new[] { 0, 1, 2, 2 })]
    [InlineData(new[] { 0, 1, 2, 4 })]
    [InlineData(new[] { -1, 0, 1, 2 })]
    [InlineData(new int[0])]
    public void An_order_that_does_not_list_each_item_exactly_once_is_out_of_range(int[] order) =>
        Assert.Equal("answer-out-of-range", _question.CheckShape(Answers.Order(order))?.Code);

    [Theory]
    [InlineData("choices")]
    [InlineData("flag")]
    [InlineData("text")]
    [InlineData("number")]
    [InlineData("none")]
    [InlineData("two")]
    public void Anything_but_an_order_is_refused_as_wrong_type(string kind) =>
        Assert.Equal("answer-wrong-type", _question.CheckShape(Answers.OfKind(kind))?.Code);

    [Fact]
    public void The_expected_answer_is_the_authored_order() =>
        Assert.Equal([0, 1, 2, 3], _question.ExpectedAnswer().Order!);

    [Theory]
    [InlineData(3)]
    [InlineData(17)]
    public void An_order_given_as_shown_is_graded_in_the_authored_order(int seed)
    {
        var shown = _question.ExpectedAsShown(seed);

        Assert.Equal(_question.ExpectedInDisplay(seed).Order!, shown.Order!);
        Assert.Equal(1.0, _question.GradeAsShown(shown, seed));
        // The items as they were shown are never in the right order, so that answer is not fully right.
        Assert.True(_question.GradeAsShown(Answers.Order(0, 1, 2, 3), seed) < 1);
    }

    [Fact]
    public void An_order_is_bucketed_as_a_whole() =>
        Assert.Equal(["2-0-1-3"], _question.DistributionKeys(Answers.Order(2, 0, 1, 3)));

    [Fact]
    public void The_display_order_is_the_same_for_the_same_seed()
    {
        var question = Make.Ordering(items: 8);
        for (var seed = 0; seed < 50; seed++)
            Assert.Equal(question.DisplayOrder(seed), question.DisplayOrder(seed));
    }

    [Fact]
    public void The_display_order_varies_with_the_seed()
    {
        var question = Make.Ordering(items: 5);
        var orders = Enumerable.Range(0, 50).Select(seed => string.Join(',', question.DisplayOrder(seed))).Distinct().Count();
        Assert.True(orders > 10, $"only {orders} different orders over 50 seeds");
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(8)]
    public void The_display_order_is_a_shuffle_of_all_items_and_never_the_right_order(int items)
    {
        var question = Make.Ordering(items);
        for (var seed = 0; seed < 2000; seed++)
        {
            var order = question.DisplayOrder(seed);
            Assert.Equal(Enumerable.Range(0, items), order.Order());
            Assert.NotEqual(Enumerable.Range(0, items), order);
        }
    }

    [Fact]
    public void Two_items_are_always_shown_swapped()
    {
        var question = Make.Ordering(items: 2);
        Assert.All(Enumerable.Range(0, 100), seed => Assert.Equal([1, 0], question.DisplayOrder(seed)));
    }
}
