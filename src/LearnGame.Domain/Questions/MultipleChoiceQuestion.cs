using LearnGame.Domain.Sessions;

namespace LearnGame.Domain.Questions;

/// <summary>Pick every right choice; several choices are right. Partial credit, see docs/scoring.md.</summary>
public sealed record MultipleChoiceQuestion : Question
{
    public required IReadOnlyList<string> Choices { get; init; }
    public required IReadOnlyList<int> Correct { get; init; }

    public override GameError? CheckShape(Answer answer) =>
        answer.FieldCount != 1 ? GameError.AnswerWrongType("a list of choices") : ChoiceRules.CheckIndexes(answer.Choices, Choices.Count, single: false);

    /// <summary>(right picks − wrong picks) / number of right choices, never below 0.</summary>
    public override double Grade(Answer answer)
    {
        var right = answer.Choices!.Count(Correct.Contains);
        var wrong = answer.Choices!.Count - right;
        return Math.Max(0, (double)(right - wrong) / Correct.Count);
    }

    public override Answer ExpectedAnswer() => new() { Choices = Correct.Order().ToArray() };

    public override IEnumerable<string> DistributionKeys(Answer answer) => answer.Choices!.Select(c => c.ToString());

    internal override IEnumerable<ValidationError> ValidateOwn(string path)
    {
        foreach (var e in ChoiceRules.ValidateChoices(path, Choices)) yield return e;
        if (Choices is null) yield break;
        if (Correct is null || Correct.Count == 0)
            yield return new($"{path}.correct", "correct-missing", "At least one choice must be correct.");
        else if (Correct.Any(i => !ChoiceRules.InRange(i, Choices.Count)))
            yield return new($"{path}.correct", "correct-out-of-range", "Every correct choice must be one of the listed choices.");
        else if (Correct.Distinct().Count() != Correct.Count)
            yield return new($"{path}.correct", "correct-duplicate", "A correct choice is listed twice.");
    }
}
