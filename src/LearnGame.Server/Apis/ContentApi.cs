using LearnGame.Content;
using LearnGame.Domain.Quizzes;
using LearnGame.Grains.Abstractions.Library;

namespace LearnGame.Server.Apis;

/// <summary>
/// Stateless REST for quiz content in open formats (docs/content-formats.md): import a GIFT, Moodle XML, Aiken or
/// CSV file into a quiz, export a quiz to GIFT or JSON. Nothing is stored, unless the import asks to save the quiz in
/// the caller's library (<c>save=true</c>, trainer key) or the export names a library quiz.
/// </summary>
public static class ContentApi
{
    public static void MapContentApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/quizzes").WithBodyLimit().WithTags("Quiz files");
        api.MapPost("/import", Import)
            .WithSummary("Import a quiz file").WithDescription("format=gift, moodle-xml, aiken or csv; the body is the file's text. save=true (trainer key) also saves it in the library.");
        api.MapPost("/export", Export)
            .WithSummary("Export a quiz given in the body").WithDescription("format=gift or json; nothing is stored.");
        api.MapGet("/{quizId:guid}/export", (Guid quizId, string? format, int? version, HttpRequest request, TrainerKeys keys, IGrainFactory grains) =>
            LibraryApi.InSpace(request, keys, async space =>
            {
                if (format is null || !QuizFormats.ExportFormats.Contains(format))
                    return ApiErrors.Problem(StatusCodes.Status400BadRequest, "format-unsupported", $"Choose format={string.Join(", ", QuizFormats.ExportFormats)}.");
                if (await grains.GetGrain<IQuizGrain>(quizId).Get(space, version) is not { } found)
                    return ApiErrors.Problem(StatusCodes.Status404NotFound, "quiz-not-found", "No such quiz in your space.");
                return Exported(format, found.Quiz);
            }))
            .WithSummary("Export a library quiz").WithDescription("Trainer key. format=gift or json; version picks an earlier version.");
    }

    private static async Task<IResult> Import(HttpRequest request, string? format, string? title, string? language, bool? save, TrainerKeys keys, IGrainFactory grains)
    {
        // Saving needs a trainer space: checked first, so that a refused call reads nothing.
        var space = save == true ? keys.SpaceOf(request) : null;
        if (save == true && space is null)
            return LibraryApi.KeyRequired(keys);
        if (format is null || !QuizFormats.ImportFormats.Contains(format))
            return ApiErrors.Problem(StatusCodes.Status400BadRequest, "format-unsupported", $"Choose format={string.Join(", ", QuizFormats.ImportFormats)}.");
        QuizLanguage quizLanguage;
        switch (language)
        {
            case null or "fr": quizLanguage = QuizLanguage.Fr; break;
            case "en": quizLanguage = QuizLanguage.En; break;
            default: return ApiErrors.Problem(StatusCodes.Status400BadRequest, "language-unsupported", "The language must be \"fr\" or \"en\".");
        }
        var (body, error) = await ApiErrors.ReadBody(request);
        if (error is not null) return error;
        var result = QuizFormats.Import(format, body!, new ImportOptions(title, quizLanguage))!;
        if (!result.Succeeded)
            return ApiErrors.Problem(StatusCodes.Status400BadRequest, "import-failed",
                $"The {format} file could not be imported: {result.Errors.Count} error(s).", result.Errors);
        if (space is null) return TypedResults.Ok(new { quiz = result.Quiz, warnings = result.Warnings });
        // The whole file was read and every skipped item is listed: the quiz is created, or (below) nothing is.
        var quizId = Guid.NewGuid();
        var saved = await grains.GetGrain<IQuizGrain>(quizId).Create(space, result.Quiz!);
        return saved.Ok
            ? TypedResults.Created((string?)null, new { quizId, version = saved.Version, quiz = result.Quiz, warnings = result.Warnings })
            : ApiErrors.Problem(StatusCodes.Status400BadRequest, saved.Error!, saved.Message!);
    }

    private static async Task<IResult> Export(HttpRequest request, string? format)
    {
        if (format is null || !QuizFormats.ExportFormats.Contains(format))
            return ApiErrors.Problem(StatusCodes.Status400BadRequest, "format-unsupported", $"Choose format={string.Join(", ", QuizFormats.ExportFormats)}.");
        var (body, error) = await ApiErrors.ReadBody(request);
        if (error is not null) return error;
        var (quiz, errors) = QuizJson.Parse(body!);
        if (quiz is null) return ApiErrors.Problem(StatusCodes.Status400BadRequest, "quiz-invalid", "The quiz has errors.", errors);
        return Exported(format, quiz);
    }

    private static IResult Exported(string format, Quiz quiz)
    {
        var text = QuizFormats.Export(format, quiz)!;
        return format == "json"
            ? TypedResults.Text(text, "application/json; charset=utf-8")
            : TypedResults.Text(text, "text/plain; charset=utf-8");
    }
}
