using LearnGame.Domain.Sessions;

namespace LearnGame.Domain.Questions;

/// <summary>A statement that is either true or false.</summary>
public sealed record TrueFalseQuestion : Question
{
    public required bool Correct { get; init; }

    public override GameError? CheckShape(Answer answer) =>
        answer.FieldCount != 1 || answer.Flag is null ? GameError.AnswerWrongType("true or false") : null;

    public override double Grade(Answer answer) => answer.Flag == Correct ? 1 : 0;

    public override Answer ExpectedAnswer() => new() { Flag = Correct };

    public override IEnumerable<string> DistributionKeys(Answer answer) => [answer.Flag!.Value ? "true" : "false"];

    internal override IEnumerable<ValidationError> ValidateOwn(string path) => [];
}
