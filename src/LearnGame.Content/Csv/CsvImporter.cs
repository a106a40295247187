using System.Globalization;
using System.Text;
using LearnGame.Domain.Questions;

namespace LearnGame.Content.Csv;

/// <summary>
/// Reads LearnGame's CSV template, one question a row, as French Excel saves it (docs/content-formats.md lists the
/// columns). Columns are found by their header, in any order, in English or French.
/// </summary>
public static class CsvImporter
{
    public const int MaxChoices = 8;

    /// <summary>Canonical column names, in template order.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "type", "question", .. Enumerable.Range(1, MaxChoices).Select(i => $"choice{i}"), "correct", "timeLimit", "points",
        "explanation", "imageUrl", "min", "max", "step", "tolerance", "unit", "allowSeveral", "ignoreAccents",
    ];

    private static readonly Dictionary<string, string> Aliases = BuildAliases();

    private static Dictionary<string, string> BuildAliases()
    {
        var aliases = Columns.ToDictionary(Key, c => c);
        void Alias(string column, params string[] names) { foreach (var n in names) aliases[Key(n)] = column; }
        Alias("question", "texte", "text", "énoncé");
        for (var i = 1; i <= MaxChoices; i++) Alias($"choice{i}", $"choix{i}", $"réponse{i}", $"answer{i}", $"item{i}");
        Alias("correct", "bonne réponse", "solution", "answer");
        Alias("timeLimit", "temps", "durée", "temps limite", "timeLimitSeconds");
        Alias("explanation", "explication");
        Alias("imageUrl", "image");
        Alias("step", "pas");
        Alias("tolerance", "tolérance");
        Alias("unit", "unité");
        Alias("allowSeveral", "plusieurs", "choix multiples autorisés");
        Alias("ignoreAccents", "ignorer accents");
        return aliases;
    }

    private static readonly Dictionary<string, string> Types = new()
    {
        ["single"] = "single", ["unique"] = "single", ["choixunique"] = "single",
        ["multiple"] = "multiple", ["choixmultiple"] = "multiple",
        ["truefalse"] = "trueFalse", ["vraifaux"] = "trueFalse",
        ["typed"] = "typed", ["saisie"] = "typed", ["reponselibre"] = "typed",
        ["numeric"] = "numeric", ["numerique"] = "numeric", ["nombre"] = "numeric",
        ["ordering"] = "ordering", ["ordre"] = "ordering",
        ["poll"] = "poll", ["sondage"] = "poll",
    };

    /// <summary>Lower case, accents, spaces, dashes and underscores removed: how headers and keywords are compared.</summary>
    internal static string Key(string text)
    {
        var decomposed = text.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        return new string(decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && c is not (' ' or '_' or '-' or '/')).ToArray());
    }

    public static ImportResult Import(string text, ImportOptions options)
    {
        var collector = new ImportCollector(options);
        var (records, _, error, errorLine) = CsvTable.Read(text);
        if (error is not null)
        {
            collector.Error(errorLine, null, "csv-quote-unclosed", error);
            return collector.Finish();
        }
        var rows = records.Where(r => r.Fields.Any(f => f.Trim().Length > 0)).ToList();
        if (rows.Count == 0)
        {
            collector.Error(1, null, "csv-empty", "The file has no header line.");
            return collector.Finish();
        }
        var header = rows[0];
        var columns = new Dictionary<string, int>();
        for (var i = 0; i < header.Fields.Count; i++)
        {
            var name = header.Fields[i].Trim();
            if (name.Length == 0) continue;
            if (!Aliases.TryGetValue(Key(name), out var column))
                collector.Warn(header.Line, name, "csv-column-unknown", $"The column \"{name}\" is not one LearnGame knows: it is ignored.");
            else if (!columns.TryAdd(column, i))
                collector.Error(header.Line, name, "csv-column-repeated", $"The column \"{column}\" appears twice.");
        }
        foreach (var required in new[] { "type", "question" })
            if (!columns.ContainsKey(required))
                collector.Error(header.Line, required, "csv-column-missing", $"The header needs a \"{required}\" column (see docs/content-formats.md).");
        if (collector.HasErrors) return collector.Finish();
        foreach (var row in rows.Skip(1))
            new RowReader(row, columns, header.Fields.Count, collector).Read();
        return collector.Finish();
    }

    private sealed class RowReader(CsvTable.Record row, Dictionary<string, int> columns, int width, ImportCollector collector)
    {
        private bool failed;

        private string Cell(string column) =>
            columns.TryGetValue(column, out var i) && i < row.Fields.Count ? row.Fields[i].Trim() : "";

        private void Fail(string column, string code, string message)
        {
            collector.Error(row.Line, column, code, message);
            failed = true;
        }

        public void Read()
        {
            if (row.Fields.Skip(width).Any(f => f.Trim().Length > 0))
                Fail("", "csv-too-many-fields", $"The row has more fields than the header's {width} columns (a separator inside an unquoted text?).");
            var typeText = Cell("type");
            if (!Types.TryGetValue(Key(typeText), out var type))
            {
                Fail("type", "csv-type-unknown", $"\"{typeText}\" is not a question type: single, multiple, trueFalse, typed, numeric, ordering or poll.");
                return;
            }
            var choices = Choices();
            var timeLimit = Integer("timeLimit") ?? 20;
            var points = Points(type);
            Question? question = type switch
            {
                "single" => Index(choices) is { } c ? new SingleChoiceQuestion { Text = Cell("question"), Choices = choices, Correct = c } : null,
                "multiple" => Indexes(choices) is { } cs ? new MultipleChoiceQuestion { Text = Cell("question"), Choices = choices, Correct = cs } : null,
                "trueFalse" => Flag("correct", required: true) is { } f ? new TrueFalseQuestion { Text = Cell("question"), Correct = f } : null,
                "typed" => Typed(choices),
                "numeric" => Numeric(),
                "ordering" => Unscored(new OrderingQuestion { Text = Cell("question"), Items = choices }),
                _ => Unscored(new PollQuestion { Text = Cell("question"), Choices = choices, AllowSeveral = Flag("allowSeveral", required: false) ?? false }),
            };
            if (failed || question is null) return;
            collector.Add(question with
            {
                TimeLimitSeconds = timeLimit,
                Points = points,
                Explanation = Optional("explanation"),
                ImageUrl = Optional("imageUrl"),
            }, row.Line);
        }

        private string? Optional(string column) => Cell(column) is { Length: > 0 } v ? v : null;

        private string[] Choices()
        {
            var cells = Enumerable.Range(1, MaxChoices).Select(i => Cell($"choice{i}")).ToArray();
            var last = Array.FindLastIndex(cells, c => c.Length > 0);
            var gap = Array.FindIndex(cells, 0, last + 1, c => c.Length == 0);
            if (gap >= 0) Fail($"choice{gap + 1}", "csv-choice-gap", $"choice{gap + 1} is empty but a later choice is not: fill the choices from choice1 without gaps.");
            return cells.Take(last + 1).ToArray();
        }

        private int? Index(string[] choices)
        {
            var text = Cell("correct");
            if (text.Length == 0) { Fail("correct", "csv-correct-missing", "Give the right choice's number (1 for choice1) or letter (A)."); return null; }
            var index = ParseIndex(text);
            if (index is null || index < 0 || index >= choices.Length)
            {
                Fail("correct", "csv-correct-invalid", $"\"{text}\" is not the number (1 to {choices.Length}) or letter of a filled choice.");
                return null;
            }
            return index;
        }

        private int[]? Indexes(string[] choices)
        {
            var text = Cell("correct");
            var parts = text.Split([',', ';', '+', ' ', '/'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0) { Fail("correct", "csv-correct-missing", "List the right choices' numbers, e.g. \"1+3\"."); return null; }
            var indexes = parts.Select(ParseIndex).ToArray();
            if (indexes.Any(i => i is null || i < 0 || i >= choices.Length))
            {
                Fail("correct", "csv-correct-invalid", $"\"{text}\" must list numbers (1 to {choices.Length}) or letters of filled choices, e.g. \"1+3\".");
                return null;
            }
            return indexes.Select(i => i!.Value).ToArray();
        }

        private static int? ParseIndex(string text)
        {
            text = text.Trim();
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n - 1;
            if (text.Length == 1 && char.IsAsciiLetter(text[0])) return char.ToUpperInvariant(text[0]) - 'A';
            return null;
        }

        private Question? Typed(string[] choices)
        {
            // The right answer may be in "correct", in the choice columns, or both: all are accepted, "correct" first.
            var accepted = new List<string>();
            if (Cell("correct") is { Length: > 0 } c) accepted.Add(c);
            accepted.AddRange(choices.Where(a => !accepted.Contains(a)));
            if (accepted.Count == 0) { Fail("correct", "csv-correct-missing", "A typed question needs its accepted answers in correct or choice1…choice8."); return null; }
            return new TypedAnswerQuestion { Text = Cell("question"), Accepted = accepted, IgnoreAccents = Flag("ignoreAccents", required: false) ?? true };
        }

        private Question? Numeric()
        {
            var correct = Number("correct", required: true);
            var tolerance = Number("tolerance", required: false) ?? 0;
            var min = Number("min", required: false);
            var max = Number("max", required: false);
            var step = Number("step", required: false);
            if (correct is null) return null;
            if (min is null != max is null) { Fail(min is null ? "min" : "max", "csv-range-incomplete", "Give both min and max, or neither (LearnGame then chooses the slider)."); return null; }
            if (min is null)
            {
                var guess = NumericSlider.Guess(correct.Value, tolerance);
                (min, max, step) = (guess.Min, guess.Max, step ?? guess.Step);
                collector.Warn(row.Line, "min", "numeric-slider-chosen", $"No min/max: the slider runs from {Gift.GiftImporter.Number(guess.Min)} to {Gift.GiftImporter.Number(guess.Max)}; adjust it if needed.");
            }
            return new NumericQuestion
            {
                Text = Cell("question"), Correct = correct.Value, Tolerance = tolerance, Min = min!.Value, Max = max!.Value, Step = step ?? 1, Unit = Optional("unit"),
            };
        }

        private Question Unscored(Question question)
        {
            if (Cell("correct").Length > 0)
                collector.Warn(row.Line, "correct", "csv-correct-ignored", "An ordering question lists its items in the right order and a poll has no right answer: \"correct\" is ignored.");
            return question;
        }

        private int? Integer(string column)
        {
            var text = Cell(column);
            if (text.Length == 0) return null;
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)) return n;
            Fail(column, "csv-number-invalid", $"\"{text}\" is not a whole number.");
            return null;
        }

        /// <summary>Accepts "3.5" and the French "3,5", with spaces (even non-breaking) between thousands.</summary>
        private double? Number(string column, bool required)
        {
            var text = new string(Cell(column).Where(c => !char.IsWhiteSpace(c) && c != '\u202F').ToArray());
            if (text.Length == 0)
            {
                if (required) Fail(column, "csv-number-missing", $"The {column} column needs a number.");
                return null;
            }
            if (Gift.GiftImporter.TryNumber(text, out var value)) return value;
            Fail(column, "csv-number-invalid", $"\"{text}\" is not a number (write 3,5 or 3.5).");
            return null;
        }

        private bool? Flag(string column, bool required)
        {
            var text = Cell(column);
            switch (Key(text))
            {
                case "vrai" or "true" or "v" or "t" or "oui" or "yes" or "o" or "y" or "1" or "x": return true;
                case "faux" or "false" or "f" or "non" or "no" or "n" or "0": return false;
                case "" when !required: return null;
                default:
                    Fail(column, "csv-flag-invalid", $"\"{text}\" is neither vrai/true nor faux/false.");
                    return null;
            }
        }

        private PointsMode Points(string type)
        {
            var text = Cell("points");
            switch (Key(text))
            {
                case "": return type == "poll" ? PointsMode.None : PointsMode.Standard;
                case "standard" or "normal" or "simple" or "1": return PointsMode.Standard;
                case "double" or "2": return PointsMode.Double;
                case "none" or "aucun" or "0": return PointsMode.None;
                default:
                    Fail("points", "csv-points-invalid", $"\"{text}\" is not standard, double or none.");
                    return PointsMode.Standard;
            }
        }
    }
}
