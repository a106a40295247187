using System.Text.Json;
using LearnGame.Domain.Questions;
using LearnGame.Domain.Quizzes;
using LearnGame.Domain.Sessions;
using LearnGame.Grains.Abstractions.Library;
using SessionOptions = LearnGame.Domain.Sessions.SessionOptions;

namespace LearnGame.Server.Apis;

/// <summary>REST under /api: demo quizzes, quiz validation and session creation (docs/protocol.md).</summary>
public static class SessionsApi
{
    public static void MapSessionsApi(this WebApplication app)
    {
        var api = app.MapGroup("/api").WithBodyLimit().WithTags("Sessions");
        api.MapGet("/demo-quizzes", () => DemoQuizzes.Languages.Select(l =>
        {
            var quiz = DemoQuizzes.Load(l);
            return new { language = LanguageCode(l), title = quiz.Title, questionCount = quiz.Questions.Count };
        }))
            .WithSummary("List the demo quizzes").WithDescription("One per language.");
        api.MapGet("/demo-quizzes/{language}", IResult (string language) =>
            ParseLanguage(language) is { } l
                ? TypedResults.Text(QuizJson.Write(DemoQuizzes.Load(l)), "application/json")
                : ApiErrors.Problem(StatusCodes.Status404NotFound, "quiz-not-found", "There is a demo quiz in \"fr\" and in \"en\"."))
            .WithSummary("Get a demo quiz").WithDescription("language is fr or en.");
        api.MapPost("/quizzes/validate", async (HttpRequest request) =>
        {
            var (body, error) = await ApiErrors.ReadBody(request);
            if (error is not null) return error;
            var (_, errors) = QuizJson.Parse(body!);
            return TypedResults.Ok(new { valid = errors.Count == 0, errors });
        })
            .WithSummary("Validate a quiz").WithDescription("Every problem, with its path; nothing is stored.");
        api.MapPost("/sessions", CreateSession).Accepts<CreateSessionRequest>("application/json")
            .WithSummary("Create a live session").WithDescription("Body: a quiz, a library quizId (trainer key) or a demo language, and options. 201 with the join code and the host token, shown once.");
    }

    private static async Task<IResult> CreateSession(HttpRequest request, SessionLauncher launcher, TrainerKeys keys, IGrainFactory grains)
    {
        var (create, error) = await ApiErrors.ReadJson<CreateSessionRequest>(request);
        if (create is null) return error!;
        Quiz quiz;
        if (create.Quiz is { } quizElement)
        {
            var (parsed, errors) = QuizJson.Parse(quizElement.GetRawText());
            if (parsed is null) return ApiErrors.Problem(StatusCodes.Status400BadRequest, "quiz-invalid", "The quiz has errors.", errors);
            quiz = parsed;
        }
        else if (create.QuizId is { } quizId)
        {
            // A library quiz: the session plays a frozen copy of the version it starts with.
            if (keys.SpaceOf(request) is not { } space)
                return ApiErrors.Problem(StatusCodes.Status401Unauthorized, "trainer-key-required", $"Send a trainer key in the {TrainerKeys.Header} header.");
            if (await grains.GetGrain<IQuizGrain>(quizId).Get(space, create.Version) is not { } found)
                return ApiErrors.Problem(StatusCodes.Status404NotFound, "quiz-not-found", "No such quiz (or version) in your space.");
            quiz = found.Quiz;
        }
        else if (ParseLanguage(create.Demo) is { } language)
        {
            quiz = DemoQuizzes.Load(language);
        }
        else
        {
            return ApiErrors.Problem(StatusCodes.Status400BadRequest, "quiz-missing", "Send a \"quiz\" object, a library \"quizId\", or \"demo\": \"fr\" or \"en\".");
        }
        var options = new SessionOptions();
        if (create.Options is { } optionsElement)
        {
            try
            {
                options = optionsElement.Deserialize<SessionOptions>(QuizJson.Options) ?? options;
            }
            catch (JsonException e)
            {
                return ApiErrors.Problem(StatusCodes.Status400BadRequest, "options-invalid", e.Message);
            }
        }
        // Bad options are the caller's to fix (400); only a busy or failing server is a 503.
        if (options.Problems().ToList() is { Count: > 0 } problems)
            return ApiErrors.Problem(StatusCodes.Status400BadRequest, "options-invalid", string.Join(" ", problems.Select(p => $"{p.Path}: {p.Message}")));
        var (session, result) = await launcher.Launch(quiz, options);
        return session is null
            ? ApiErrors.Problem(StatusCodes.Status503ServiceUnavailable, result.Error!, result.Message!)
            : TypedResults.Created($"/api/sessions/{session.SessionId}", new CreatedSessionResponse(session.SessionId, session.JoinCode, session.HostToken));
    }

    /// <summary>
    /// The body of POST /api/sessions: a <c>quiz</c> to play, a library <c>quizId</c> (and <c>version</c>), or a
    /// <c>demo</c> language; and the session's <c>options</c>. The quiz and the options are read apart, so that each
    /// error names its own field.
    /// </summary>
    public sealed record CreateSessionRequest(JsonElement? Quiz, Guid? QuizId, int? Version, string? Demo, JsonElement? Options);

    /// <summary>What the trainer receives once: the secret host token is never shown again.</summary>
    public sealed record CreatedSessionResponse(Guid SessionId, string JoinCode, string HostToken);

    private static QuizLanguage? ParseLanguage(string? code) => code switch
    {
        "fr" => QuizLanguage.Fr,
        "en" => QuizLanguage.En,
        _ => null,
    };

    private static string LanguageCode(QuizLanguage language) => language == QuizLanguage.Fr ? "fr" : "en";
}
