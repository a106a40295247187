using LearnGame.Domain.Questions;
using LearnGame.Domain.Quizzes;

namespace LearnGame.Content;

/// <summary>
/// Shared by every importer: gathers questions with the line or path they came from, warnings and errors, then
/// builds and validates the quiz, pointing each validation error back at its source.
/// </summary>
internal sealed class ImportCollector(ImportOptions options)
{
    private readonly List<(Question Question, int? Line, string? Source)> questions = [];
    private readonly List<ImportIssue> warnings = [];
    private readonly List<ImportIssue> errors = [];

    /// <summary>A title found in the content (a category, a metadata line); it wins over the option.</summary>
    public string? ContentTitle { get; set; }

    /// <summary>A language found in the content; it wins over the option.</summary>
    public QuizLanguage? ContentLanguage { get; set; }

    public bool HasErrors => errors.Count > 0;

    public void Add(Question question, int? line, string? source = null) => questions.Add((question, line, source));

    public void Warn(int? line, string? path, string code, string message) => warnings.Add(new(line, path, code, message));

    public void Error(int? line, string? path, string code, string message) => errors.Add(new(line, path, code, message));

    public ImportResult Finish()
    {
        if (errors.Count > 0) return ImportResult.Failure(errors);
        var title = FirstNonBlank(ContentTitle, options.Title);
        if (title is null)
        {
            title = (ContentLanguage ?? options.Language) == QuizLanguage.Fr ? "Quiz importé" : "Imported quiz";
            warnings.Add(new(null, "title", "title-defaulted", $"Neither the file nor the request gives a title: the quiz is called \"{title}\"."));
        }
        var quiz = new Quiz(title, ContentLanguage ?? options.Language, questions.Select(q => q.Question).ToArray());
        var problems = QuizValidator.Validate(quiz);
        if (problems.Count == 0) return ImportResult.Success(quiz, warnings);
        return ImportResult.Failure(problems.Select(p => new ImportIssue(LineOf(p.Path), Describe(p.Path), p.Code, p.Message)).ToArray());
    }

    private static string? FirstNonBlank(params string?[] values) =>
        values.Select(v => v?.Trim()).FirstOrDefault(v => !string.IsNullOrEmpty(v));

    /// <summary>The question index of a validator path such as <c>questions[3].choices[1]</c>, if any.</summary>
    private static int? IndexOf(string path)
    {
        if (!path.StartsWith("questions[", StringComparison.Ordinal)) return null;
        var end = path.IndexOf(']');
        return end > 10 && int.TryParse(path.AsSpan(10, end - 10), out var i) ? i : null;
    }

    private int? LineOf(string path) => IndexOf(path) is { } i && i < questions.Count ? questions[i].Line : null;

    /// <summary>Prefixes the validator's path with the question's place in the source when the format has one (an XML path, a CSV row).</summary>
    private string Describe(string path) =>
        IndexOf(path) is { } i && i < questions.Count && questions[i].Source is { } source ? $"{source}: {path}" : path;
}
