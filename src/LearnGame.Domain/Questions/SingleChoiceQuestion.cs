using LearnGame.Domain.Sessions;

namespace LearnGame.Domain.Questions;

/// <summary>Pick the one right choice among several.</summary>
public sealed record SingleChoiceQuestion : Question
{
    public required IReadOnlyList<string> Choices { get; init; }
    public required int Correct { get; init; }

    public override GameError? CheckShape(Answer answer) =>
        answer.FieldCount != 1 ? GameError.AnswerWrongType("one choice") : ChoiceRules.CheckIndexes(answer.Choices, Choices.Count, single: true);

    public override double Grade(Answer answer) => answer.Choices![0] == Correct ? 1 : 0;

    public override Answer ExpectedAnswer() => new() { Choices = [Correct] };

    public override IEnumerable<string> DistributionKeys(Answer answer) => [answer.Choices![0].ToString()];

    internal override IEnumerable<ValidationError> ValidateOwn(string path)
    {
        foreach (var e in ChoiceRules.ValidateChoices(path, Choices)) yield return e;
        if (Choices is not null && !ChoiceRules.InRange(Correct, Choices.Count))
            yield return new($"{path}.correct", "correct-out-of-range", "The correct choice must be one of the listed choices.");
    }
}
