using LearnGame.Content;
using LearnGame.Domain.Quizzes;

namespace LearnGame.Server.Apis;

/// <summary>
/// Stateless REST for quiz content in open formats (docs/content-formats.md): import a GIFT, Moodle XML, Aiken or
/// CSV file into a quiz, export a quiz to GIFT or JSON. Nothing is stored; the library API saves the result.
/// </summary>
public static class ContentApi
{
    public static void MapContentApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/quizzes");
        api.MapPost("/import", Import);
        api.MapPost("/export", Export);
    }

    private static async Task<IResult> Import(HttpRequest request, string? format, string? title, string? language)
    {
        if (format is null || !QuizFormats.ImportFormats.Contains(format))
            return ApiErrors.Error(StatusCodes.Status400BadRequest, "format-unsupported", $"Choose format={string.Join(", ", QuizFormats.ImportFormats)}.");
        QuizLanguage quizLanguage;
        switch (language)
        {
            case null or "fr": quizLanguage = QuizLanguage.Fr; break;
            case "en": quizLanguage = QuizLanguage.En; break;
            default: return ApiErrors.Error(StatusCodes.Status400BadRequest, "language-unsupported", "The language must be \"fr\" or \"en\".");
        }
        var (body, error) = await ApiErrors.ReadBody(request);
        if (error is not null) return error;
        var result = QuizFormats.Import(format, body!, new ImportOptions(title, quizLanguage))!;
        if (!result.Succeeded)
            return Results.Json(new
            {
                error = "import-failed",
                message = $"The {format} file could not be imported: {result.Errors.Count} error(s).",
                details = result.Errors,
            }, QuizJson.Options, statusCode: StatusCodes.Status400BadRequest);
        return Results.Json(new { quiz = result.Quiz, warnings = result.Warnings }, QuizJson.Options);
    }

    private static async Task<IResult> Export(HttpRequest request, string? format)
    {
        if (format is null || !QuizFormats.ExportFormats.Contains(format))
            return ApiErrors.Error(StatusCodes.Status400BadRequest, "format-unsupported", $"Choose format={string.Join(", ", QuizFormats.ExportFormats)}.");
        var (body, error) = await ApiErrors.ReadBody(request);
        if (error is not null) return error;
        var (quiz, errors) = QuizJson.Parse(body!);
        if (quiz is null) return ApiErrors.Error(StatusCodes.Status400BadRequest, "quiz-invalid", "The quiz has errors.", errors);
        var text = QuizFormats.Export(format, quiz)!;
        return format == "json"
            ? Results.Text(text, "application/json; charset=utf-8")
            : Results.Text(text, "text/plain; charset=utf-8");
    }
}
