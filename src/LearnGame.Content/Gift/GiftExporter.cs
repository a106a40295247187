using System.Globalization;
using System.Text;
using System.Text.Json;
using LearnGame.Domain.Questions;
using LearnGame.Domain.Quizzes;

namespace LearnGame.Content.Gift;

/// <summary>
/// Writes a quiz as GIFT that Moodle can import and that <see cref="GiftImporter"/> reads back to the same quiz:
/// what GIFT cannot say goes in <c>// learngame:</c> comment lines (docs/content-formats.md, "GIFT export").
/// </summary>
public static class GiftExporter
{
    public static string Write(Quiz quiz)
    {
        var gift = new StringBuilder();
        var header = JsonSerializer.Serialize(new GiftQuizMetadata(quiz.Title, quiz.Language), QuizJson.Options);
        gift.Append(GiftMetadata.QuizPrefix).Append(' ').Append(header).Append('\n');
        // Moodle escapes a slash inside a category name by doubling it.
        gift.Append("$CATEGORY: $course$/top/").Append(OneLine(quiz.Title).Replace("/", "//")).Append("\n\n");
        for (var i = 0; i < quiz.Questions.Count; i++)
        {
            WriteQuestion(gift, i + 1, quiz.Questions[i]);
            gift.Append('\n');
        }
        return gift.ToString();
    }

    private static void WriteQuestion(StringBuilder gift, int number, Question question)
    {
        var metadata = Metadata(question);
        if (!metadata.IsEmpty) gift.Append(GiftMetadata.QuestionPrefix).Append(' ').Append(metadata.Write()).Append('\n');
        gift.Append("::Q").Append(number).Append(":: ");
        // A text that starts like a format marker would lose it on import: an explicit marker in front keeps it.
        if (question.Text.TrimStart().StartsWith('[')) gift.Append("[moodle]");
        gift.Append(Escape(question.Text)).Append(" {");
        switch (question)
        {
            case SingleChoiceQuestion q:
                for (var i = 0; i < q.Choices.Count; i++) Line(gift, i == q.Correct ? "=" : "~", q.Choices[i], i == q.Correct ? 100 : 0);
                break;
            case MultipleChoiceQuestion q:
                // Moodle's multiple-answer form: right answers share 100%, each wrong one takes as much away.
                var share = 100.0 / q.Correct.Count;
                for (var i = 0; i < q.Choices.Count; i++)
                    Line(gift, "~", q.Choices[i], q.Correct.Contains(i) ? share : -share, forceWeight: true);
                break;
            case TrueFalseQuestion q:
                gift.Append(q.Correct ? "TRUE" : "FALSE");
                break;
            case TypedAnswerQuestion q:
                foreach (var a in q.Accepted) Line(gift, "=", a, 100);
                break;
            case NumericQuestion q:
                gift.Append('#').Append(GiftImporter.Number(q.Correct)).Append(':').Append(GiftImporter.Number(q.Tolerance));
                break;
            case OrderingQuestion q:
                for (var i = 0; i < q.Items.Count; i++)
                    gift.Append("\n\t=").Append(q.Items[i].StartsWith('%') ? "%100%" : "").Append(Escape(q.Items[i])).Append(" -> ").Append(i + 1);
                break;
            case PollQuestion q:
                foreach (var c in q.Choices) Line(gift, "~", c, 0);
                break;
            default:
                throw new NotSupportedException($"No GIFT form for {question.GetType().Name}.");
        }
        if (question.Explanation is { } explanation) gift.Append("\n\t####").Append(Escape(explanation));
        gift.Append(question is TrueFalseQuestion or NumericQuestion && question.Explanation is null ? "}\n" : "\n}\n");
    }

    /// <summary>One answer line; a weight is written when asked or when the text itself starts with '%' and would look like one.</summary>
    private static void Line(StringBuilder gift, string marker, string text, double weight, bool forceWeight = false)
    {
        gift.Append("\n\t").Append(marker);
        if (forceWeight || text.StartsWith('%')) gift.Append('%').Append(Weight(weight)).Append('%');
        gift.Append(Escape(text));
    }

    private static string Weight(double weight) => Math.Round(weight, 5).ToString("0.#####", CultureInfo.InvariantCulture);

    private static GiftMetadata Metadata(Question question)
    {
        var defaultPoints = question is PollQuestion ? PointsMode.None : PointsMode.Standard;
        var m = new GiftMetadata
        {
            TimeLimitSeconds = question.TimeLimitSeconds == 20 ? null : question.TimeLimitSeconds,
            Points = question.Points == defaultPoints ? null : question.Points,
            ImageUrl = question.ImageUrl,
            ImageAlt = question.ImageAlt,
            Collaborative = question.Collaborative ? true : null,
            PeerInstruction = question.PeerInstruction ? true : null,
            DiscussionSeconds = question.DiscussionSeconds == Question.DefaultDiscussionSeconds ? null : question.DiscussionSeconds,
        };
        return question switch
        {
            // A multiple choice with one right answer would read back as a single choice.
            MultipleChoiceQuestion q when q.Correct.Count == 1 => m with { Type = "multiple" },
            PollQuestion q => m with { Type = "poll", AllowSeveral = q.AllowSeveral ? true : null },
            TypedAnswerQuestion q => m with
            {
                // An accepted answer holding "->" would read back as a matching pair.
                Type = q.Accepted.Any(a => a.Contains("->")) ? "typed" : null,
                IgnoreAccents = q.IgnoreAccents ? null : false,
            },
            NumericQuestion q => m with { Min = q.Min, Max = q.Max, Step = q.Step, Unit = q.Unit },
            _ => m,
        };
    }

    /// <summary>Backslash before each GIFT special character and before a backslash; a line break becomes \n.</summary>
    public static string Escape(string text)
    {
        var result = new StringBuilder(text.Length + 8);
        foreach (var c in text.Replace("\r\n", "\n").Replace('\r', '\n'))
        {
            if (c == '\n') result.Append("\\n");
            else
            {
                if (c is '~' or '=' or '#' or '{' or '}' or ':' or '\\') result.Append('\\');
                result.Append(c);
            }
        }
        return result.ToString();
    }

    private static string OneLine(string text) => string.Join(' ', text.Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}
