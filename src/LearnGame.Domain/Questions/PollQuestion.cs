using LearnGame.Domain.Sessions;

namespace LearnGame.Domain.Questions;

/// <summary>An opinion poll: no right answer, no points, just the class's distribution.</summary>
public sealed record PollQuestion : Question
{
    public PollQuestion() => Points = PointsMode.None;

    public required IReadOnlyList<string> Choices { get; init; }

    /// <summary>One choice, or several when the trainer allows it.</summary>
    public bool AllowSeveral { get; init; }

    [System.Text.Json.Serialization.JsonIgnore] public override bool IsGraded => false;

    public override GameError? CheckShape(Answer answer) =>
        answer.FieldCount != 1 ? GameError.AnswerWrongType("a choice") : ChoiceRules.CheckIndexes(answer.Choices, Choices.Count, single: !AllowSeveral);

    public override double Grade(Answer answer) => 0;

    public override Answer? ExpectedAnswer() => null;

    public override IEnumerable<string> DistributionKeys(Answer answer) => answer.Choices!.Select(c => c.ToString());

    internal override IEnumerable<ValidationError> ValidateOwn(string path)
    {
        foreach (var e in ChoiceRules.ValidateChoices(path, Choices)) yield return e;
        if (Points != PointsMode.None)
            yield return new($"{path}.points", "poll-scored", "A poll has no right answer: its points must be \"none\".");
    }
}
