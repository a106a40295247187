using System.Text.Json;
using LearnGame.Domain.Quizzes;
using LearnGame.Grains.Abstractions.Library;

namespace LearnGame.Server.Apis;

/// <summary>The quiz library under /api/quizzes: create, update (new version), list, get, duplicate, delete. Needs a trainer key.</summary>
public static class LibraryApi
{
    public static void MapLibraryApi(this WebApplication app)
    {
        var quizzes = app.MapGroup("/api/quizzes").WithBodyLimit().WithTags("Quiz library");
        quizzes.MapGet("", (HttpRequest request, TrainerKeys keys, IGrainFactory grains) =>
            InSpace(request, keys, async space => TypedResults.Ok(await grains.GetGrain<ITrainerSpaceGrain>(space).List())))
            .WithSummary("List the quizzes of your library").WithDescription("Trainer key in X-Trainer-Key.");

        quizzes.MapPost("", (HttpRequest request, TrainerKeys keys, IGrainFactory grains) =>
            InSpace(request, keys, async space =>
            {
                var (quiz, error) = await ReadQuiz(request);
                if (quiz is null) return error!;
                var id = Guid.NewGuid();
                var saved = await grains.GetGrain<IQuizGrain>(id).Create(space, quiz);
                return Saved(id, saved, created: true);
            }))
            .WithSummary("Save a new quiz in your library").WithDescription("Trainer key; the body is a quiz. 201 with its id and version 1.");

        quizzes.MapGet("/{quizId:guid}", (Guid quizId, int? version, HttpRequest request, TrainerKeys keys, IGrainFactory grains) =>
            InSpace(request, keys, async space =>
                await grains.GetGrain<IQuizGrain>(quizId).Get(space, version) is { } found
                    ? TypedResults.Ok(new { quizId = found.QuizId, version = found.Version, latestVersion = found.LatestVersion, savedAt = found.SavedAt, quiz = found.Quiz })
                    : NotFound()))
            .WithSummary("Get a library quiz").WithDescription("Trainer key; version picks an earlier version.");

        quizzes.MapPut("/{quizId:guid}", (Guid quizId, HttpRequest request, TrainerKeys keys, IGrainFactory grains) =>
            InSpace(request, keys, async space =>
            {
                var (quiz, error) = await ReadQuiz(request);
                if (quiz is null) return error!;
                int? expected = int.TryParse(request.Headers.IfMatch.ToString().Trim('"'), out var v) ? v : null;
                return Saved(quizId, await grains.GetGrain<IQuizGrain>(quizId).Update(space, quiz, expected), created: false);
            }))
            .WithSummary("Save a new version of a library quiz").WithDescription("Trainer key; If-Match with the version you edited refuses a concurrent change (409).");

        quizzes.MapPost("/{quizId:guid}/duplicate", (Guid quizId, HttpRequest request, TrainerKeys keys, IGrainFactory grains) =>
            InSpace(request, keys, async space =>
            {
                if (await grains.GetGrain<IQuizGrain>(quizId).Get(space, null) is not { } original) return NotFound();
                var copyId = Guid.NewGuid();
                return Saved(copyId, await grains.GetGrain<IQuizGrain>(copyId).Create(space, original.Quiz), created: true);
            }))
            .WithSummary("Duplicate a library quiz").WithDescription("Trainer key; the copy starts at version 1.");

        quizzes.MapDelete("/{quizId:guid}", (Guid quizId, HttpRequest request, TrainerKeys keys, IGrainFactory grains) =>
            InSpace(request, keys, async space =>
                await grains.GetGrain<IQuizGrain>(quizId).Delete(space) ? TypedResults.NoContent() : NotFound()))
            .WithSummary("Delete a library quiz").WithDescription("Trainer key; sessions already played keep their frozen copy.");
    }

    /// <summary>Runs <paramref name="action"/> in the trainer space opened by the request's key, or answers 401.</summary>
    public static async Task<IResult> InSpace(HttpRequest request, TrainerKeys keys, Func<string, Task<IResult>> action) =>
        keys.SpaceOf(request) is { } space ? await action(space) : KeyRequired(keys);

    /// <summary>401 trainer-key-required, saying whether a key is missing or none is configured at all.</summary>
    public static IResult KeyRequired(TrainerKeys keys) =>
        ApiErrors.Problem(StatusCodes.Status401Unauthorized, "trainer-key-required",
            keys.AnyConfigured ? $"Send a trainer key in the {TrainerKeys.Header} header." : "The operator has not configured any trainer key (Library:TrainerKeys).");

    private static IResult Saved(Guid quizId, QuizSaved saved, bool created) => saved switch
    {
        { Ok: true } when created => TypedResults.Created((string?)null, new { quizId, version = saved.Version }),
        { Ok: true } => TypedResults.Ok(new { quizId, version = saved.Version }),
        { Error: "quiz-not-found" } => NotFound(),
        { Error: "version-conflict" } => ApiErrors.Problem(StatusCodes.Status409Conflict, saved.Error, saved.Message!),
        _ => ApiErrors.Problem(StatusCodes.Status400BadRequest, saved.Error!, saved.Message!),
    };

    private static IResult NotFound() => ApiErrors.Problem(StatusCodes.Status404NotFound, "quiz-not-found", "No such quiz in your space.");

    private static async Task<(Quiz? Quiz, IResult? Error)> ReadQuiz(HttpRequest request)
    {
        var (body, error) = await ApiErrors.ReadBody(request);
        if (error is not null) return (null, error);
        var (quiz, errors) = QuizJson.Parse(body!);
        return quiz is null ? (null, ApiErrors.Problem(StatusCodes.Status400BadRequest, "quiz-invalid", "The quiz has errors.", errors)) : (quiz, null);
    }
}
