using LearnGame.Domain.Sessions;

namespace LearnGame.Domain.Questions;

/// <summary>
/// Put items in order. Items are authored in the right order and shown shuffled. Learners see each item with
/// a display id (its position in the shuffled list, so the ids say nothing about the right order) and answer
/// with display ids in the order they chose; <see cref="FromDisplay"/> maps that back to authored indexes.
/// Credit: the share of items in their right place.
/// </summary>
public sealed record OrderingQuestion : Question
{
    public const int MinItems = 2;
    public const int MaxItems = 8;

    public required IReadOnlyList<string> Items { get; init; }

    public override GameError? CheckShape(Answer answer)
    {
        if (answer.FieldCount != 1 || answer.Order is null) return GameError.AnswerWrongType("an order of items");
        if (answer.Order.Count != Items.Count || answer.Order.Order().Where((v, i) => v != i).Any())
            return GameError.AnswerOutOfRange($"The order must list each of the {Items.Count} items exactly once.");
        return null;
    }

    public override double Grade(Answer answer) =>
        (double)answer.Order!.Where((item, position) => item == position).Count() / Items.Count;

    public override Answer ExpectedAnswer() => new() { Order = Enumerable.Range(0, Items.Count).ToArray() };

    public override double GradeAsShown(Answer answer, int shuffleSeed) => Grade(FromDisplay(answer, shuffleSeed));

    public override Answer ExpectedAsShown(int shuffleSeed) => ExpectedInDisplay(shuffleSeed);

    public override IEnumerable<string> DistributionKeys(Answer answer) => [string.Join('-', answer.Order!)];

    /// <summary>Translates an answer in display ids (the shuffle of <paramref name="seed"/>) into authored indexes.</summary>
    public Answer FromDisplay(Answer answer, int seed)
    {
        var shown = DisplayOrder(seed);
        return answer with { Order = answer.Order!.Select(id => shown[id]).ToArray() };
    }

    /// <summary>The right order, in the display ids of the shuffle of <paramref name="seed"/>.</summary>
    public Answer ExpectedInDisplay(int seed)
    {
        var shown = DisplayOrder(seed);
        return new Answer { Order = Enumerable.Range(0, Items.Count).Select(authored => Array.IndexOf(shown.ToArray(), authored)).ToArray() };
    }

    /// <summary>The order items are shown in: a shuffle that is the same for everyone in a round and never the right order.</summary>
    public IReadOnlyList<int> DisplayOrder(int seed)
    {
        var order = Enumerable.Range(0, Items.Count).ToArray();
        new Random(seed).Shuffle(order);
        if (order.Where((v, i) => v == i).Count() == order.Length) (order[0], order[1]) = (order[1], order[0]);
        return order;
    }

    internal override IEnumerable<ValidationError> ValidateOwn(string path)
    {
        if (Items is null || Items.Count < MinItems || Items.Count > MaxItems)
        {
            yield return new($"{path}.items", "items-count", $"An ordering question needs between {MinItems} and {MaxItems} items.");
            yield break;
        }
        for (var i = 0; i < Items.Count; i++)
            if (string.IsNullOrWhiteSpace(Items[i]))
                yield return new($"{path}.items[{i}]", "item-empty", "An item cannot be empty.");
            else if (Items[i].Length > ChoiceRules.MaxChoiceLength)
                yield return new($"{path}.items[{i}]", "item-too-long", $"An item is at most {ChoiceRules.MaxChoiceLength} characters.");
    }
}
