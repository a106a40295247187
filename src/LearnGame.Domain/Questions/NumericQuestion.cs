using LearnGame.Domain.Sessions;

namespace LearnGame.Domain.Questions;

/// <summary>Estimate a number on a slider; full credit within the tolerance, then less the further off. See docs/scoring.md.</summary>
public sealed record NumericQuestion : Question
{
    public required double Min { get; init; }
    public required double Max { get; init; }
    public double Step { get; init; } = 1;
    public required double Correct { get; init; }
    public double Tolerance { get; init; }
    public string? Unit { get; init; }

    /// <summary>Beyond the tolerance, credit falls to zero over a quarter of the slider's range.</summary>
    public double Falloff => (Max - Min) / 4;

    public override GameError? CheckShape(Answer answer)
    {
        if (answer.FieldCount != 1 || answer.Number is not { } n) return GameError.AnswerWrongType("a number");
        if (double.IsNaN(n) || n < Min || n > Max) return GameError.AnswerOutOfRange($"The answer must be between {Min} and {Max}.");
        return null;
    }

    public override double Grade(Answer answer)
    {
        var distance = Math.Abs(answer.Number!.Value - Correct);
        if (distance <= Tolerance) return 1;
        return Math.Max(0, 1 - (distance - Tolerance) / Falloff);
    }

    public override Answer ExpectedAnswer() => new() { Number = Correct };

    public override double? FullCreditTolerance() => Tolerance;

    public override IEnumerable<string> DistributionKeys(Answer answer) =>
        [answer.Number!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)];

    internal override IEnumerable<ValidationError> ValidateOwn(string path)
    {
        if (!double.IsFinite(Min) || !double.IsFinite(Max) || Min >= Max)
        {
            yield return new($"{path}.max", "range-invalid", "The slider's maximum must be greater than its minimum.");
            yield break;
        }
        if (!double.IsFinite(Correct) || Correct < Min || Correct > Max)
            yield return new($"{path}.correct", "correct-out-of-range", "The correct value must lie within the slider's range.");
        if (!double.IsFinite(Step) || Step <= 0 || Step > Max - Min)
            yield return new($"{path}.step", "step-invalid", "The step must be positive and no larger than the range.");
        if (!double.IsFinite(Tolerance) || Tolerance < 0 || Tolerance > Max - Min)
            yield return new($"{path}.tolerance", "tolerance-invalid", "The tolerance must be zero or positive and no larger than the range.");
    }
}
