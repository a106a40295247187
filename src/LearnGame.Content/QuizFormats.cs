using LearnGame.Content.Aiken;
using LearnGame.Content.Csv;
using LearnGame.Content.Gift;
using LearnGame.Content.MoodleXml;
using LearnGame.Domain.Quizzes;

namespace LearnGame.Content;

/// <summary>The open formats by name, as the REST API and docs/content-formats.md call them.</summary>
public static class QuizFormats
{
    public static readonly IReadOnlyList<string> ImportFormats = ["gift", "moodle-xml", "aiken", "csv"];
    public static readonly IReadOnlyList<string> ExportFormats = ["gift", "json"];

    /// <summary>Imports a file's text; null when the format is not one of <see cref="ImportFormats"/>.</summary>
    public static ImportResult? Import(string format, string text, ImportOptions options) => format switch
    {
        "gift" => GiftImporter.Import(text, options),
        "moodle-xml" => MoodleXmlImporter.Import(text, options),
        "aiken" => AikenImporter.Import(text, options),
        "csv" => CsvImporter.Import(text, options),
        _ => null,
    };

    /// <summary>Writes a quiz; null when the format is not one of <see cref="ExportFormats"/>.</summary>
    public static string? Export(string format, Quiz quiz) => format switch
    {
        "gift" => GiftExporter.Write(quiz),
        "json" => QuizJson.Write(quiz),
        _ => null,
    };
}
