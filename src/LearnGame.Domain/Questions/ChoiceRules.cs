using LearnGame.Domain.Sessions;

namespace LearnGame.Domain.Questions;

/// <summary>Checks shared by the questions whose answer picks among listed choices.</summary>
internal static class ChoiceRules
{
    public const int MinChoices = 2;
    public const int MaxChoices = 8;
    public const int MaxChoiceLength = 200;

    public static IEnumerable<ValidationError> ValidateChoices(string path, IReadOnlyList<string>? choices)
    {
        if (choices is null || choices.Count < MinChoices || choices.Count > MaxChoices)
        {
            yield return new($"{path}.choices", "choices-count", $"A question needs between {MinChoices} and {MaxChoices} choices.");
            yield break;
        }
        for (var i = 0; i < choices.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(choices[i]))
                yield return new($"{path}.choices[{i}]", "choice-empty", "A choice cannot be empty.");
            else if (choices[i].Length > MaxChoiceLength)
                yield return new($"{path}.choices[{i}]", "choice-too-long", $"A choice is at most {MaxChoiceLength} characters.");
        }
        var duplicates = choices.Where(c => c is not null).GroupBy(c => c.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1);
        foreach (var d in duplicates)
            yield return new($"{path}.choices", "choice-duplicate", $"The choice \"{d.Key}\" appears more than once.");
    }

    public static bool InRange(int index, int count) => index >= 0 && index < count;

    /// <summary>A list of choice indexes: not empty, in range, no repeats.</summary>
    public static GameError? CheckIndexes(IReadOnlyList<int>? picked, int count, bool single)
    {
        if (picked is null) return GameError.AnswerWrongType(single ? "one choice" : "a list of choices");
        if (picked.Count == 0) return GameError.AnswerOutOfRange("Pick at least one choice.");
        if (single && picked.Count != 1) return GameError.AnswerOutOfRange("Pick exactly one choice.");
        if (picked.Any(i => !InRange(i, count))) return GameError.AnswerOutOfRange($"A choice must be between 0 and {count - 1}.");
        if (picked.Distinct().Count() != picked.Count) return GameError.AnswerOutOfRange("A choice is picked twice.");
        return null;
    }
}
