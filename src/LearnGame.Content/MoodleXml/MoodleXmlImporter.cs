using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using LearnGame.Domain.Questions;

namespace LearnGame.Content.MoodleXml;

/// <summary>
/// Reads Moodle XML: multichoice (single or multiple), truefalse, shortanswer and numerical questions; the other
/// types are skipped with a warning. DTDs are refused, so no external entity can be fetched or expanded (XXE).
/// </summary>
public static class MoodleXmlImporter
{
    public static ImportResult Import(string text, ImportOptions options)
    {
        var collector = new ImportCollector(options);
        XDocument document;
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
            using var reader = XmlReader.Create(new StringReader(text.TrimStart('\uFEFF')), settings);
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            var dtd = e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase);
            // The reader reports no position for a refused DTD: the line of <!DOCTYPE is found in the text.
            var doctype = text.IndexOf("<!DOCTYPE", StringComparison.OrdinalIgnoreCase);
            int? line = e.LineNumber > 0 ? e.LineNumber : doctype >= 0 ? text[..doctype].Count(c => c == '\n') + 1 : null;
            collector.Error(line, null, dtd ? "xml-dtd-forbidden" : "xml-invalid",
                dtd ? "Moodle XML never needs a DTD; documents with one are refused for safety." : $"The XML is not well formed: {e.Message}");
            return collector.Finish();
        }
        if (document.Root?.Name.LocalName != "quiz")
        {
            collector.Error(Line(document.Root), null, "xml-not-moodle", "A Moodle XML file has a <quiz> root element.");
            return collector.Finish();
        }
        var number = 0;
        foreach (var element in document.Root.Elements("question"))
        {
            number++;
            new QuestionReader(element, $"question[{number}]", collector).Read();
        }
        return collector.Finish();
    }

    private static int? Line(XObject? node) => node is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : null;

    private sealed class QuestionReader(XElement question, string path, ImportCollector collector)
    {
        private readonly int? line = Line(question);

        public void Read()
        {
            var type = (string?)question.Attribute("type") ?? "";
            if (type == "category")
            {
                // The first category names the quiz, as in GIFT: its last path segment.
                var category = Text(question.Element("category"));
                if (collector.ContentTitle is null && category?.Split('/').Last().Trim() is { Length: > 0 } name) collector.ContentTitle = name;
                return;
            }
            var text = Text(question.Element("questiontext"));
            Question? q = type switch
            {
                "multichoice" => Choices(text),
                "truefalse" => TrueFalse(text),
                "shortanswer" => ShortAnswer(text),
                "numerical" => Numerical(text),
                _ => Skip(type),
            };
            if (q is null) return;
            if (question.Descendants("file").Any() || (question.Element("questiontext")?.Value.Contains("<img", StringComparison.OrdinalIgnoreCase) ?? false))
                collector.Warn(line, $"{path}/questiontext", "xml-image-dropped", "Embedded images are not imported: host the image and set the question's imageUrl.");
            collector.Add(q with { Explanation = Text(question.Element("generalfeedback")) ?? RightFeedback() }, line, path);
        }

        private Question? Skip(string type)
        {
            collector.Warn(line, path, "xml-type-skipped", $"Moodle \"{type}\" questions have no LearnGame form: it is skipped.");
            return null;
        }

        /// <summary>With no general feedback, the first fully right answer's feedback explains the answer.</summary>
        private string? RightFeedback() =>
            Answers().Where(a => a.Fraction >= 100).Select(a => Text(a.Element.Element("feedback"))).FirstOrDefault(f => f is not null);

        private List<(XElement Element, double Fraction, string Text)>? answers;

        private List<(XElement Element, double Fraction, string Text)> Answers() => answers ??= ReadAnswers().ToList();

        private IEnumerable<(XElement Element, double Fraction, string Text)> ReadAnswers()
        {
            var i = 0;
            foreach (var a in question.Elements("answer"))
            {
                i++;
                var raw = (string?)a.Attribute("fraction") ?? "0";
                if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var fraction))
                {
                    collector.Error(Line(a), $"{path}/answer[{i}]/@fraction", "xml-fraction-invalid", $"\"{raw}\" is not a percentage.");
                    continue;
                }
                yield return (a, fraction, Text(a) ?? "");
            }
        }

        private static string? Text(XElement? element)
        {
            var raw = element?.Element("text")?.Value;
            if (raw is null) return null;
            var format = (string?)element!.Attribute("format") ?? "html";
            var text = format is "html" or "moodle_auto_format" && HtmlText.LooksLikeHtml(raw) ? HtmlText.ToText(raw) : raw.Trim();
            return text.Length == 0 ? null : text;
        }

        private Question? Choices(string? text)
        {
            var answers = Answers();
            var choices = answers.Select(a => a.Text).ToArray();
            var single = !string.Equals(question.Element("single")?.Value.Trim(), "false", StringComparison.OrdinalIgnoreCase)
                         && question.Element("single")?.Value.Trim() != "0";
            if (!single)
            {
                var correct = answers.Select((a, i) => (a, i)).Where(x => x.a.Fraction > 0).Select(x => x.i).ToArray();
                if (correct.Length == 0) return Fail("xml-no-right-answer", "No answer has a positive fraction.");
                return new MultipleChoiceQuestion { Text = text ?? "", Choices = choices, Correct = correct };
            }
            var full = answers.Select((a, i) => (a, i)).Where(x => x.a.Fraction >= 100).ToArray();
            if (full.Length == 0) return Fail("xml-no-right-answer", "A single-answer question needs an answer with fraction 100.");
            if (full.Length > 1)
            {
                collector.Warn(line, path, "xml-several-right-answers", "Several answers are each fully right: LearnGame's single choice has one right answer. It is skipped.");
                return null;
            }
            if (answers.Any(a => a.Fraction is > 0 and < 100))
                collector.Warn(line, path, "xml-partial-credit-dropped", "Answers with partial credit count as wrong: a single choice has one right answer.");
            return new SingleChoiceQuestion { Text = text ?? "", Choices = choices, Correct = full[0].i };
        }

        private Question? TrueFalse(string? text)
        {
            var right = Answers().Where(a => a.Fraction >= 100).Select(a => a.Text.Trim().ToLowerInvariant()).FirstOrDefault();
            return right switch
            {
                "true" or "vrai" => new TrueFalseQuestion { Text = text ?? "", Correct = true },
                "false" or "faux" => new TrueFalseQuestion { Text = text ?? "", Correct = false },
                _ => Fail("xml-no-right-answer", "A true/false question needs the answer \"true\" or \"false\" with fraction 100."),
            };
        }

        private Question? ShortAnswer(string? text)
        {
            var answers = Answers();
            var accepted = answers.Where(a => a.Fraction >= 100).Select(a => a.Text).ToArray();
            if (accepted.Length == 0) return Fail("xml-no-right-answer", "A short-answer question needs an answer with fraction 100.");
            if (accepted.Length < answers.Count)
                collector.Warn(line, path, "xml-partial-credit-dropped", "Short answers worth less than 100% are dropped: a typed answer is either accepted or not.");
            return new TypedAnswerQuestion { Text = text ?? "", Accepted = accepted };
        }

        private Question? Numerical(string? text)
        {
            var answers = Answers();
            if (answers.Count == 0 || answers.MaxBy(a => a.Fraction) is not { Fraction: > 0 } best)
                return Fail("xml-no-right-answer", "A numerical question needs an answer with a positive fraction.");
            if (!Gift.GiftImporter.TryNumber(best.Text, out var correct))
                return Fail("xml-number-invalid", $"\"{best.Text}\" is not a number.");
            var toleranceText = best.Element.Element("tolerance")?.Value ?? "0";
            if (!Gift.GiftImporter.TryNumber(toleranceText, out var tolerance) || tolerance < 0)
                return Fail("xml-number-invalid", $"The tolerance \"{toleranceText}\" is not a number.");
            if (answers.Count > 1)
                collector.Warn(line, path, "xml-numeric-alternatives-dropped", "Only the best numerical answer is kept; LearnGame gives partial credit by closeness instead.");
            var (min, max, step) = NumericSlider.Guess(correct, tolerance);
            collector.Warn(line, path, "numeric-slider-chosen", $"Moodle gives no slider: it runs from {Gift.GiftImporter.Number(min)} to {Gift.GiftImporter.Number(max)}; adjust it if needed.");
            var unit = question.Element("units")?.Elements("unit").FirstOrDefault()?.Element("unit_name")?.Value.Trim();
            return new NumericQuestion { Text = text ?? "", Min = min, Max = max, Step = step, Correct = correct, Tolerance = tolerance, Unit = string.IsNullOrEmpty(unit) ? null : unit };
        }

        private Question? Fail(string code, string message)
        {
            collector.Error(line, path, code, message);
            return null;
        }
    }
}
