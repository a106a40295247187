using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using LearnGame.Domain.Questions;

namespace LearnGame.Content.Gift;

/// <summary>Reads Moodle's GIFT text format into a quiz (docs/content-formats.md lists what maps to what).</summary>
public static partial class GiftImporter
{
    // Escaped special characters become Unicode noncharacters while a question is parsed, so the parser can look for
    // '{', '=', '~', '#', ':' without caring about backslashes; they are turned back into the real characters at the end.
    private const char Tilde = '\uFDD0', Equal = '\uFDD1', Hash = '\uFDD2', Open = '\uFDD3', Close = '\uFDD4', Colon = '\uFDD5', Backslash = '\uFDD6', NewLine = '\uFDD7';
    private const string MissingWord = "_____";

    public static ImportResult Import(string text, ImportOptions options)
    {
        var collector = new ImportCollector(options);
        var lines = text.TrimStart('\uFEFF').Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var block = new List<(int Line, string Text)>();
        (int Line, string Json)? metadata = null;
        var categorySeen = false;
        for (var i = 0; i <= lines.Length; i++)
        {
            var line = i < lines.Length ? lines[i] : "";
            var trimmed = line.Trim();
            if (trimmed.Length == 0)
            {
                if (block.Count > 0) ReadBlock(block, metadata, collector, ref categorySeen);
                else if (metadata is { } orphan)
                    collector.Warn(orphan.Line, null, "gift-metadata-unused", "This learngame comment is followed by no question: it is ignored.");
                block.Clear();
                metadata = null;
                continue;
            }
            if (trimmed.Any(c => c is >= '\uFDD0' and <= '\uFDEF'))
            {
                collector.Error(i + 1, null, "gift-invalid-character", "The line contains a Unicode noncharacter (U+FDD0–U+FDEF), which a text file should not hold.");
                continue;
            }
            if (trimmed.StartsWith(GiftMetadata.QuizPrefix, StringComparison.Ordinal))
                ReadQuizMetadata(i + 1, trimmed[GiftMetadata.QuizPrefix.Length..], collector);
            else if (trimmed.StartsWith(GiftMetadata.QuestionPrefix, StringComparison.Ordinal))
            {
                if (metadata is not null) collector.Error(i + 1, null, "gift-metadata-repeated", "A question has at most one learngame comment.");
                metadata = (i + 1, trimmed[GiftMetadata.QuestionPrefix.Length..]);
            }
            else if (!trimmed.StartsWith("//", StringComparison.Ordinal))
                block.Add((i + 1, trimmed));
        }
        return collector.Finish();
    }

    private static void ReadQuizMetadata(int line, string json, ImportCollector collector)
    {
        try
        {
            var quiz = JsonSerializer.Deserialize<GiftQuizMetadata>(json, Domain.Quizzes.QuizJson.Options);
            if (quiz?.Title is { } title) collector.ContentTitle = title;
            if (quiz?.Language is { } language) collector.ContentLanguage = language;
        }
        catch (JsonException e)
        {
            collector.Error(line, null, "gift-metadata-invalid", $"The learngame-quiz comment is not a valid {{ title, language }} object: {e.Message}");
        }
    }

    private static void ReadBlock(List<(int Line, string Text)> block, (int Line, string Json)? metadataLine, ImportCollector collector, ref bool categorySeen)
    {
        var line = block[0].Line;
        if (block[0].Text.StartsWith("$CATEGORY:", StringComparison.OrdinalIgnoreCase))
        {
            // The first category names the quiz (its last segment; "//" is an escaped slash); later ones are ignored.
            if (!categorySeen && collector.ContentTitle is null)
            {
                var path = block[0].Text["$CATEGORY:".Length..].Trim().Replace("//", "\u0001");
                var name = path.Split('/').Last().Replace("\u0001", "/").Trim();
                if (name.Length > 0) collector.ContentTitle = name;
            }
            categorySeen = true;
            block.RemoveAt(0);
            if (block.Count == 0)
            {
                if (metadataLine is { } m) collector.Warn(m.Line, null, "gift-metadata-unused", "This learngame comment is followed by no question: it is ignored.");
                return;
            }
            line = block[0].Line;
        }
        GiftMetadata? metadata = null;
        if (metadataLine is { } ml)
        {
            var (parsed, error, unknown) = GiftMetadata.Parse(ml.Json);
            if (error is not null)
            {
                collector.Error(ml.Line, null, "gift-metadata-invalid", error);
                return;
            }
            foreach (var key in unknown)
                collector.Warn(ml.Line, null, "gift-metadata-unknown", $"The learngame comment's \"{key}\" is not known: it is ignored.");
            metadata = parsed;
        }
        var reader = new QuestionReader(line, Protect(string.Join('\n', block.Select(b => b.Text))), metadata ?? new GiftMetadata(), collector);
        if (reader.Read() is { } question) collector.Add(metadata?.ApplyCommon(question) ?? question, line);
    }

    /// <summary>Replaces each escape sequence by its placeholder; an unknown escape keeps its backslash, as Moodle does.</summary>
    private static string Protect(string text)
    {
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                char? placeholder = text[i + 1] switch
                {
                    '~' => Tilde,
                    '=' => Equal,
                    '#' => Hash,
                    '{' => Open,
                    '}' => Close,
                    ':' => Colon,
                    '\\' => Backslash,
                    'n' => NewLine,
                    _ => null,
                };
                if (placeholder is { } p)
                {
                    result.Append(p);
                    i++;
                    continue;
                }
            }
            result.Append(text[i]);
        }
        return result.ToString();
    }

    private static string Restore(string text) => text
        .Replace(Tilde, '~').Replace(Equal, '=').Replace(Hash, '#').Replace(Open, '{').Replace(Close, '}')
        .Replace(Colon, ':').Replace(Backslash, '\\').Replace(NewLine, '\n');

    private enum Format { Moodle, Html, Plain, Markdown }

    private sealed record Answer(char Marker, double Weight, bool Weighted, string Text, string? Feedback);

    /// <summary>Reads one question block (escapes already replaced by placeholders).</summary>
    private sealed class QuestionReader(int line, string block, GiftMetadata metadata, ImportCollector collector)
    {
        private Format format = Format.Moodle;
        private string? generalFeedback;

        public Question? Read()
        {
            var body = block.Trim();
            if (body.StartsWith("::", StringComparison.Ordinal))
            {
                var end = body.IndexOf("::", 2, StringComparison.Ordinal);
                if (end < 0) return Fail("gift-title-unclosed", "The question title opened with \"::\" is not closed with \"::\".");
                body = body[(end + 2)..].TrimStart();
            }
            body = ReadFormat(body);
            var open = body.IndexOf('{');
            if (open < 0)
            {
                if (body.Contains('}')) return Fail("gift-brace-unbalanced", "A '}' closes an answer block that was never opened (write \\} for a literal brace).");
                Skip("gift-description-skipped", "A description (text without an answer block) has nothing to answer: it is skipped.");
                return null;
            }
            if (body[..open].Contains('}')) return Fail("gift-brace-unbalanced", "A '}' comes before the answer block opens (write \\} for a literal brace).");
            var close = body.IndexOf('}', open + 1);
            if (close < 0) return Fail("gift-brace-unclosed", "The answer block opened with '{' is not closed with '}' (write \\{ for a literal brace).");
            var after = body[(close + 1)..].Trim();
            if (after.Contains('{') || after.Contains('}'))
                return Fail("gift-several-answer-blocks", "A question has one answer block; write \\{ and \\} for literal braces.");
            var before = body[..open].Trim();
            // Missing-word questions ("Grant is {…} in the tomb.") keep a blank where the answers were.
            var text = after.Length == 0 ? before : before + " " + MissingWord + (char.IsPunctuation(after[0]) ? "" : " ") + after;
            var answers = body[(open + 1)..close];
            var feedbackAt = answers.IndexOf("####", StringComparison.Ordinal);
            if (feedbackAt >= 0)
            {
                generalFeedback = Clean(answers[(feedbackAt + 4)..]);
                answers = answers[..feedbackAt];
            }
            return ReadAnswers(Clean(text), answers.Trim());
        }

        private string ReadFormat(string body)
        {
            var match = FormatMarker().Match(body);
            if (!match.Success) return body;
            format = Enum.Parse<Format>(match.Groups[1].Value, ignoreCase: true);
            return body[match.Length..].TrimStart();
        }

        /// <summary>Final form of any text: placeholders restored, HTML turned into text when the question is HTML.</summary>
        private string Clean(string raw)
        {
            var text = Restore(raw.Trim());
            return format == Format.Html ? HtmlText.ToText(text) : text;
        }

        private Question? ReadAnswers(string text, string answers)
        {
            if (answers.Length == 0)
            {
                Skip("gift-essay-skipped", "An essay question ({}) has no answer LearnGame can check: it is skipped.");
                return null;
            }
            if (answers[0] == '#') return ReadNumeric(text, answers[1..].Trim());
            var tf = TrueFalse().Match(answers);
            if (tf.Success) return ReadTrueFalse(text, tf);
            if (answers[0] is not ('=' or '~'))
                return Fail("gift-answer-invalid", "Answers start with '=' (right) or '~' (wrong), or the block is {T}, {F}, {#number} or {} (essay).");
            var list = SplitAnswers(answers);
            if (list is null) return null;
            var typeOverride = metadata.Type;
            if (typeOverride is null && list.All(a => a.Marker == '=') && list.Any(a => a.Text.Contains("->")))
                return ReadMatching(text, list);
            if (typeOverride == "ordering") return ReadMatching(text, list);
            if (typeOverride == "typed" || typeOverride is null && list.All(a => a.Marker == '='))
                return ReadTyped(text, list);
            return ReadChoices(text, list, typeOverride);
        }

        private List<Answer>? SplitAnswers(string answers)
        {
            var result = new List<Answer>();
            var starts = new List<int>();
            for (var i = 0; i < answers.Length; i++)
                if (answers[i] is '=' or '~') starts.Add(i);
            for (var k = 0; k < starts.Count; k++)
            {
                var marker = answers[starts[k]];
                var end = k + 1 < starts.Count ? starts[k + 1] : answers.Length;
                var part = answers[(starts[k] + 1)..end];
                var weight = marker == '=' ? 100.0 : 0.0;
                var weighted = false;
                var w = Weight().Match(part);
                if (w.Success)
                {
                    if (!double.TryParse(w.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out weight) || weight is < -100 or > 100)
                    {
                        Fail("gift-weight-invalid", $"The weight %{w.Groups[1].Value}% is not a percentage between -100 and 100.");
                        return null;
                    }
                    weighted = true;
                    part = part[w.Length..];
                }
                var hash = part.IndexOf('#');
                var answerText = Clean(hash < 0 ? part : part[..hash]);
                var feedback = hash < 0 ? null : Clean(part[(hash + 1)..]);
                result.Add(new Answer(marker, weight, weighted, answerText, string.IsNullOrEmpty(feedback) ? null : feedback));
            }
            return result;
        }

        private Question? ReadTrueFalse(string text, Match tf)
        {
            if (metadata.Type is { } t && t != "trueFalse") return Mismatch(t);
            var correct = tf.Groups[1].Value.StartsWith('T') || tf.Groups[1].Value.StartsWith('t');
            // Moodle shows the first feedback to a wrong answer and the second to a right one.
            var wrongFeedback = tf.Groups[2].Success ? Clean(tf.Groups[2].Value) : null;
            var rightFeedback = tf.Groups[3].Success ? Clean(tf.Groups[3].Value) : null;
            return new TrueFalseQuestion
            {
                Text = text,
                Correct = correct,
                Explanation = Explanation(Blank(rightFeedback), [Blank(wrongFeedback)]),
            };
        }

        private Question? ReadNumeric(string text, string body)
        {
            if (metadata.Type is { } t && t != "numeric") return Mismatch(t);
            var candidates = new List<(double Weight, string Value, string? Feedback)>();
            if (body.StartsWith('='))
            {
                if (SplitAnswers(body) is not { } numbers) return null;
                candidates.AddRange(numbers.Select(a => (a.Weight, a.Text, a.Feedback)));
            }
            else
            {
                var hash = body.IndexOf('#');
                candidates.Add((100, Clean(hash < 0 ? body : body[..hash]), hash < 0 ? null : Blank(Clean(body[(hash + 1)..]))));
            }
            var best = candidates.MaxBy(c => c.Weight);
            if (best.Weight <= 0) return Fail("gift-no-right-answer", "A numerical question needs an answer with a positive weight.");
            if (!TryParseNumeric(best.Value, out var correct, out var tolerance))
                return Fail("gift-number-invalid", $"\"{best.Value}\" is not a number, number:tolerance or min..max.");
            if (candidates.Count > 1)
                Warn("gift-numeric-alternatives-dropped", "Only the best-weighted numerical answer is kept; LearnGame gives partial credit by closeness instead of listed alternatives.");
            double min, max, step;
            if (metadata.Min is { } mn && metadata.Max is { } mx)
                (min, max, step) = (mn, mx, metadata.Step ?? 1);
            else
            {
                (min, max, step) = NumericSlider.Guess(correct, tolerance);
                if (metadata.Step is { } s) step = s;
                Warn("numeric-slider-chosen", $"GIFT gives no slider: it runs from {Number(min)} to {Number(max)} by {Number(step)}; adjust it if needed.");
            }
            return new NumericQuestion
            {
                Text = text,
                Min = min,
                Max = max,
                Step = step,
                Correct = correct,
                Tolerance = tolerance,
                Unit = metadata.Unit,
                Explanation = Explanation(best.Feedback, candidates.Where(c => c != best).Select(c => c.Feedback)),
            };
        }

        private Question? ReadTyped(string text, List<Answer> answers)
        {
            var accepted = answers.Where(a => a.Weight >= 100).ToList();
            if (accepted.Count == 0) return Fail("gift-no-right-answer", "A short-answer question needs at least one answer worth 100%.");
            if (accepted.Count < answers.Count)
                Warn("gift-partial-credit-dropped", "Short answers worth less than 100% are dropped: a typed answer is either accepted or not.");
            return new TypedAnswerQuestion
            {
                Text = text,
                Accepted = accepted.Select(a => a.Text).ToArray(),
                IgnoreAccents = metadata.IgnoreAccents ?? true,
                Explanation = Explanation(accepted[0].Feedback, answers.Skip(1).Select(a => a.Feedback)),
            };
        }

        private Question? ReadChoices(string text, List<Answer> answers, string? typeOverride)
        {
            var choices = answers.Select(a => a.Text).ToArray();
            if (typeOverride == "poll")
                return new PollQuestion { Text = text, Choices = choices, AllowSeveral = metadata.AllowSeveral ?? false, Explanation = Explanation(null, answers.Select(a => a.Feedback)) };
            if (typeOverride is not (null or "single" or "multiple")) return Mismatch(typeOverride);
            var full = answers.Where(a => a.Weight >= 100).ToList();
            var positive = answers.Where(a => a.Weight > 0).ToList();
            if (positive.Count == 0)
                return Fail("gift-no-right-answer", "No answer is right: mark one with '=' or give positive weights (~%50%); for a poll, add // learngame: {\"type\":\"poll\"}.");
            if (typeOverride == "multiple" || typeOverride is null && full.Count == 0)
            {
                return new MultipleChoiceQuestion
                {
                    Text = text,
                    Choices = choices,
                    Correct = answers.Select((a, i) => (a, i)).Where(x => x.a.Weight > 0).Select(x => x.i).ToArray(),
                    Explanation = Explanation(null, answers.Select(a => a.Feedback)),
                };
            }
            if (full.Count > 1)
            {
                Skip("gift-several-right-answers", "Several answers are each fully right (100%): LearnGame's single choice has one right answer, and a multiple choice would require picking them all. Give weights (~%50%) for a multiple choice.");
                return null;
            }
            if (positive.Count > 1)
                Warn("gift-partial-credit-dropped", "Answers with partial credit count as wrong: a single choice has one right answer.");
            var right = answers.IndexOf(full[0]);
            return new SingleChoiceQuestion
            {
                Text = text,
                Choices = choices,
                Correct = right,
                Explanation = Explanation(full[0].Feedback, answers.Where(a => a != full[0]).Select(a => a.Feedback)),
            };
        }

        /// <summary>
        /// Matching maps to ordering only when every pair reads "item -> position" with positions 1..n (how LearnGame
        /// exports ordering); other matching questions have no faithful LearnGame form and are skipped.
        /// </summary>
        private Question? ReadMatching(string text, List<Answer> answers)
        {
            var items = new List<(int Position, string Item)>();
            foreach (var a in answers)
            {
                var arrow = a.Text.LastIndexOf("->", StringComparison.Ordinal);
                if (a.Marker != '=' || arrow < 0 || !int.TryParse(a.Text[(arrow + 2)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var position))
                {
                    items.Clear();
                    break;
                }
                items.Add((position, a.Text[..arrow].Trim()));
            }
            var positions = items.Select(i => i.Position).Order().ToArray();
            if (items.Count >= 2 && positions.SequenceEqual(Enumerable.Range(1, items.Count)))
                return new OrderingQuestion
                {
                    Text = text,
                    Items = items.OrderBy(i => i.Position).Select(i => i.Item).ToArray(),
                    Explanation = Explanation(null, answers.Select(a => a.Feedback)),
                };
            if (metadata.Type == "ordering") return Fail("gift-ordering-invalid", "An ordering question is written as matching pairs \"=item -> 1 =item -> 2 …\", positions 1 to n.");
            Skip("gift-matching-skipped", "Matching pairs have no faithful LearnGame form (only \"item -> 1, item -> 2, …\" maps to an ordering question): it is skipped.");
            return null;
        }

        /// <summary>The explanation: the general feedback, else the right answer's feedback; other feedback is dropped with a warning.</summary>
        private string? Explanation(string? rightFeedback, IEnumerable<string?> otherFeedback)
        {
            var explanation = Blank(generalFeedback) ?? Blank(rightFeedback);
            var dropped = otherFeedback.Append(rightFeedback).Where(f => !string.IsNullOrWhiteSpace(f) && f != explanation).Distinct().Count();
            if (dropped > 0)
                Warn("gift-feedback-dropped", "Feedback for individual answers is dropped: LearnGame shows one explanation to everyone (the general feedback, else the right answer's).");
            return explanation;
        }

        private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

        private Question? Mismatch(string type) =>
            Fail("gift-metadata-mismatch", $"The learngame comment says \"{type}\" but the answer block is of another kind.");

        private Question? Fail(string code, string message)
        {
            collector.Error(line, null, code, message);
            return null;
        }

        private void Skip(string code, string message) => collector.Warn(line, null, code, message);

        private void Warn(string code, string message) => collector.Warn(line, null, code, message);
    }

    private static bool TryParseNumeric(string value, out double correct, out double tolerance)
    {
        correct = tolerance = 0;
        var range = value.IndexOf("..", StringComparison.Ordinal);
        if (range >= 0)
        {
            if (!TryNumber(value[..range], out var low) || !TryNumber(value[(range + 2)..], out var high) || high < low) return false;
            (correct, tolerance) = ((low + high) / 2, (high - low) / 2);
            return true;
        }
        var colon = value.IndexOf(':');
        if (colon < 0) return TryNumber(value, out correct);
        return TryNumber(value[..colon], out correct) && TryNumber(value[(colon + 1)..], out tolerance) && tolerance >= 0;
    }

    /// <summary>A number with a '.' decimal point; a ',' alone is read as the French decimal comma.</summary>
    internal static bool TryNumber(string text, out double value)
    {
        var t = text.Trim();
        if (t.Contains(',') && !t.Contains('.')) t = t.Replace(',', '.');
        return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    internal static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\[(html|moodle|plain|markdown)\]", RegexOptions.IgnoreCase)]
    private static partial Regex FormatMarker();

    [GeneratedRegex(@"^(TRUE|FALSE|T|F)\s*(?:#([^#]*))?\s*(?:#([^#]*))?$", RegexOptions.IgnoreCase)]
    private static partial Regex TrueFalse();

    [GeneratedRegex(@"^\s*%(-?[0-9]+(?:\.[0-9]+)?)%")]
    private static partial Regex Weight();
}
