using System.Globalization;
using System.Text;
using LearnGame.Domain.Sessions;

namespace LearnGame.Domain.Questions;

/// <summary>The learner types the answer; it is compared with the accepted answers ignoring case and surrounding spaces, and optionally accents.</summary>
public sealed record TypedAnswerQuestion : Question
{
    public const int MaxAnswerLength = 200;

    public required IReadOnlyList<string> Accepted { get; init; }
    public bool IgnoreAccents { get; init; } = true;

    public override GameError? CheckShape(Answer answer)
    {
        if (answer.FieldCount != 1 || answer.Text is null) return GameError.AnswerWrongType("a typed answer");
        if (string.IsNullOrWhiteSpace(answer.Text)) return GameError.AnswerOutOfRange("The answer is empty.");
        if (answer.Text.Length > MaxAnswerLength) return GameError.AnswerOutOfRange($"An answer is at most {MaxAnswerLength} characters.");
        if (!Sessions.Nickname.IsWellFormedUtf16(answer.Text)) return GameError.AnswerOutOfRange("The answer contains an invalid character.");
        return null;
    }

    public override double Grade(Answer answer)
    {
        var given = Normalise(answer.Text!);
        return Accepted.Any(a => Normalise(a) == given) ? 1 : 0;
    }

    public override Answer ExpectedAnswer() => new() { Text = Accepted[0] };

    public override IReadOnlyList<string> AcceptedAnswers() => Accepted;

    public override IEnumerable<string> DistributionKeys(Answer answer) => [Normalise(answer.Text!)];

    /// <summary>The form two answers are compared in: trimmed, inner spaces collapsed, lower case, accents removed if asked.</summary>
    public string Normalise(string text)
    {
        var collapsed = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var lower = collapsed.ToLowerInvariant();
        return IgnoreAccents ? StripAccents(lower) : lower;
    }

    private static string StripAccents(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var kept = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) kept.Append(c);
        // œ and æ have no decomposition; learners type "oe"/"ae" on most keyboards.
        return kept.ToString().Normalize(NormalizationForm.FormC).Replace("œ", "oe").Replace("æ", "ae");
    }

    internal override IEnumerable<ValidationError> ValidateOwn(string path)
    {
        if (Accepted is null || Accepted.Count == 0)
        {
            yield return new($"{path}.accepted", "accepted-missing", "List at least one accepted answer.");
            yield break;
        }
        for (var i = 0; i < Accepted.Count; i++)
            if (string.IsNullOrWhiteSpace(Accepted[i]))
                yield return new($"{path}.accepted[{i}]", "accepted-empty", "An accepted answer cannot be empty.");
            else if (Accepted[i].Length > MaxAnswerLength)
                yield return new($"{path}.accepted[{i}]", "accepted-too-long", $"An accepted answer is at most {MaxAnswerLength} characters.");
    }
}
