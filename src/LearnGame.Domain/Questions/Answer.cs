namespace LearnGame.Domain.Questions;

/// <summary>
/// What a learner sends for a question: exactly one field is set, the one the question type expects
/// (choices for single/multiple/poll, flag for true/false, text for typed, number for numeric, order for ordering).
/// </summary>
public sealed record Answer
{
    public IReadOnlyList<int>? Choices { get; init; }
    public bool? Flag { get; init; }
    public string? Text { get; init; }
    public double? Number { get; init; }
    public IReadOnlyList<int>? Order { get; init; }

    /// <summary>How many fields are set: a well-formed answer has exactly one.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int FieldCount =>
        (Choices is null ? 0 : 1) + (Flag is null ? 0 : 1) + (Text is null ? 0 : 1) + (Number is null ? 0 : 1) + (Order is null ? 0 : 1);

    public override string ToString() => "Answer";

    public bool Equivalent(Answer other) =>
        Flag == other.Flag && Text == other.Text && Number.Equals(other.Number)
        && SameList(Choices, other.Choices) && SameList(Order, other.Order);

    private static bool SameList(IReadOnlyList<int>? a, IReadOnlyList<int>? b) =>
        a is null ? b is null : b is not null && a.SequenceEqual(b);
}
