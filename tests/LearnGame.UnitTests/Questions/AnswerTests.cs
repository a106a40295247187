using LearnGame.Domain.Questions;

namespace LearnGame.UnitTests.Questions;

public class AnswerTests
{
    [Fact]
    public void Field_count_counts_the_fields_that_are_set()
    {
        Assert.Equal(0, new Answer().FieldCount);
        Assert.Equal(1, new Answer { Text = "" }.FieldCount);
        Assert.Equal(5, new Answer { Choices = [], Flag = false, Text = "", Number = 0, Order = [] }.FieldCount);
    }

    [Fact]
    public void Equivalent_answers_have_the_same_values_even_in_different_list_instances()
    {
        Assert.True(new Answer { Choices = [1, 2] }.Equivalent(new Answer { Choices = new List<int> { 1, 2 } }));
        Assert.True(new Answer { Number = 4.5 }.Equivalent(new Answer { Number = 4.5 }));
        Assert.True(new Answer { Order = [2, 0, 1] }.Equivalent(new Answer { Order = [2, 0, 1] }));
    }

    [Fact]
    public void Answers_differing_in_any_field_are_not_equivalent()
    {
        Assert.False(new Answer { Choices = [1, 2] }.Equivalent(new Answer { Choices = [2, 1] }));
        Assert.False(new Answer { Choices = [1] }.Equivalent(new Answer { Order = [1] }));
        Assert.False(new Answer { Text = "a" }.Equivalent(new Answer { Text = "A" }));
        Assert.False(new Answer { Flag = true }.Equivalent(new Answer()));
    }
}
