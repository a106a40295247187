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
        var api = app.MapGroup("/api");
        api.MapGet("/demo-quizzes", () => DemoQuizzes.Languages.Select(l =>
        {
            var quiz = DemoQuizzes.Load(l);
            return new { language = LanguageCode(l), title = quiz.Title, questionCount = quiz.Questions.Count };
        }));
        api.MapGet("/demo-quizzes/{language}", (string language) =>
            ParseLanguage(language) is { } l
                ? Results.Text(QuizJson.Write(DemoQuizzes.Load(l)), "application/json")
                : ApiErrors.Error(StatusCodes.Status404NotFound, "quiz-not-found", "There is a demo quiz in \"fr\" and in \"en\"."));
        api.MapPost("/quizzes/validate", async (HttpRequest request) =>
        {
            var (body, error) = await ApiErrors.ReadBody(request);
            if (error is not null) return error;
            var (_, errors) = QuizJson.Parse(body!);
            return Results.Ok(new { valid = errors.Count == 0, errors });
        });
        api.MapPost("/sessions", CreateSession);
    }

    private static async Task<IResult> CreateSession(HttpRequest request, SessionLauncher launcher, TrainerKeys keys, IGrainFactory grains)
    {
        var (body, error) = await ApiErrors.ReadBody(request);
        if (error is not null) return error;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body!);
        }
        catch (JsonException e)
        {
            return ApiErrors.Error(StatusCodes.Status400BadRequest, "json-invalid", e.Message);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return ApiErrors.Error(StatusCodes.Status400BadRequest, "json-invalid", "The body must be a JSON object.");
            Quiz? quiz;
            if (root.TryGetProperty("quiz", out var quizElement))
            {
                var (parsed, errors) = QuizJson.Parse(quizElement.GetRawText());
                if (parsed is null) return ApiErrors.Error(StatusCodes.Status400BadRequest, "quiz-invalid", "The quiz has errors.", errors);
                quiz = parsed;
            }
            else if (root.TryGetProperty("quizId", out var quizIdElement))
            {
                // A library quiz: the session plays a frozen copy of the version it starts with.
                if (keys.SpaceOf(request) is not { } space)
                    return ApiErrors.Error(StatusCodes.Status401Unauthorized, "trainer-key-required", $"Send a trainer key in the {TrainerKeys.Header} header.");
                int? version = root.TryGetProperty("version", out var v) && v.TryGetInt32(out var n) ? n : null;
                var found = quizIdElement.TryGetGuid(out var quizId) ? await grains.GetGrain<IQuizGrain>(quizId).Get(space, version) : null;
                if (found is null) return ApiErrors.Error(StatusCodes.Status404NotFound, "quiz-not-found", "No such quiz (or version) in your space.");
                quiz = found.Quiz;
            }
            else if (root.TryGetProperty("demo", out var demo) && demo.ValueKind == JsonValueKind.String && ParseLanguage(demo.GetString()) is { } language)
            {
                quiz = DemoQuizzes.Load(language);
            }
            else
            {
                return ApiErrors.Error(StatusCodes.Status400BadRequest, "quiz-missing", "Send a \"quiz\" object, a library \"quizId\", or \"demo\": \"fr\" or \"en\".");
            }
            var options = new SessionOptions();
            if (root.TryGetProperty("options", out var optionsElement))
            {
                try
                {
                    options = optionsElement.Deserialize<SessionOptions>(QuizJson.Options) ?? options;
                }
                catch (JsonException e)
                {
                    return ApiErrors.Error(StatusCodes.Status400BadRequest, "options-invalid", e.Message);
                }
            }
            // Bad options are the caller's to fix (400); only a busy or failing server is a 503.
            if (options.Problems().ToList() is { Count: > 0 } problems)
                return ApiErrors.Error(StatusCodes.Status400BadRequest, "options-invalid", string.Join(" ", problems.Select(p => $"{p.Path}: {p.Message}")));
            var (session, result) = await launcher.Launch(quiz, options);
            return session is null
                ? ApiErrors.Error(StatusCodes.Status503ServiceUnavailable, result.Error!, result.Message!)
                : Results.Created($"/api/sessions/{session.SessionId}", new { sessionId = session.SessionId, joinCode = session.JoinCode, hostToken = session.HostToken });
        }
    }

    private static QuizLanguage? ParseLanguage(string? code) => code switch
    {
        "fr" => QuizLanguage.Fr,
        "en" => QuizLanguage.En,
        _ => null,
    };

    private static string LanguageCode(QuizLanguage language) => language == QuizLanguage.Fr ? "fr" : "en";
}
