using System.Text.RegularExpressions;
using LearnGame.Domain.Questions;

namespace LearnGame.Content.Aiken;

/// <summary>
/// Reads the Aiken format: a question (one or more lines), options "A) …" or "A. …", then "ANSWER: A". Every Aiken
/// question is a single choice; the format has no title, feedback or other type.
/// </summary>
public static partial class AikenImporter
{
    public static ImportResult Import(string text, ImportOptions options)
    {
        var collector = new ImportCollector(options);
        var lines = text.TrimStart('\uFEFF').Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var question = new List<string>();
        var choices = new List<(char Letter, string Text)>();
        var start = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var number = i + 1;
            var line = lines[i].Trim();
            if (line.Length == 0) continue;
            var answer = AnswerLine().Match(line);
            var option = OptionLine().Match(line);
            if (answer.Success && question.Count > 0)
            {
                Finish(collector, start, question, choices, answer.Groups[1].Value.Trim(), number);
                question.Clear();
                choices.Clear();
            }
            else if (answer.Success)
                collector.Error(number, null, "aiken-question-missing", "An ANSWER line needs a question and its options above it.");
            else if (option.Success && question.Count > 0)
            {
                var letter = option.Groups[1].Value[0];
                if (choices.Any(c => c.Letter == letter))
                    collector.Error(number, null, "aiken-option-duplicate", $"The option letter {letter} is used twice in this question.");
                choices.Add((letter, option.Groups[2].Value.Trim()));
            }
            else
            {
                if (choices.Count > 0)
                {
                    collector.Error(start, null, "aiken-answer-missing", "The question ends without an \"ANSWER: X\" line after its options.");
                    question.Clear();
                    choices.Clear();
                }
                if (question.Count == 0) start = number;
                question.Add(line);
            }
        }
        if (question.Count > 0)
            collector.Error(start, null, choices.Count == 0 ? "aiken-options-missing" : "aiken-answer-missing",
                choices.Count == 0 ? "The question has no options \"A) …\"." : "The question ends without an \"ANSWER: X\" line after its options.");
        return collector.Finish();
    }

    private static void Finish(ImportCollector collector, int start, List<string> question, List<(char Letter, string Text)> choices, string answer, int answerLine)
    {
        if (choices.Count == 0)
        {
            collector.Error(start, null, "aiken-options-missing", "The question has no options \"A) …\".");
            return;
        }
        var correct = answer.Length == 1 ? choices.FindIndex(c => c.Letter == char.ToUpperInvariant(answer[0])) : -1;
        if (correct < 0)
        {
            collector.Error(answerLine, null, "aiken-answer-unknown", $"\"ANSWER: {answer}\" does not name one of the options ({string.Join(", ", choices.Select(c => c.Letter))}).");
            return;
        }
        collector.Add(new SingleChoiceQuestion { Text = string.Join('\n', question), Choices = choices.Select(c => c.Text).ToArray(), Correct = correct }, start);
    }

    [GeneratedRegex(@"^([A-Z])[.)]\s+(.*)$")]
    private static partial Regex OptionLine();

    [GeneratedRegex(@"^ANSWER\s*:(.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex AnswerLine();
}
