using System.Text.Json;
using LearnGame.Domain.Questions;
using LearnGame.Domain.Quizzes;
using LearnGame.Domain.Sessions;
using SessionOptions = LearnGame.Domain.Sessions.SessionOptions;

namespace LearnGame.Server.Apis;

/// <summary>REST under /api: demo quizzes, quiz validation and session creation (docs/protocol.md).</summary>
public static class SessionsApi
{
    /// <summary>Quizzes are text; a megabyte is far more than a hundred questions need.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

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
                : Error(StatusCodes.Status404NotFound, "quiz-not-found", "There is a demo quiz in \"fr\" and in \"en\"."));
        api.MapPost("/quizzes/validate", async (HttpRequest request) =>
        {
            var (body, error) = await ReadBody(request);
            if (error is not null) return error;
            var (_, errors) = QuizJson.Parse(body!);
            return Results.Ok(new { valid = errors.Count == 0, errors });
        });
        api.MapPost("/sessions", CreateSession);
    }

    private static async Task<IResult> CreateSession(HttpRequest request, SessionLauncher launcher)
    {
        var (body, error) = await ReadBody(request);
        if (error is not null) return error;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body!);
        }
        catch (JsonException e)
        {
            return Error(StatusCodes.Status400BadRequest, "json-invalid", e.Message);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return Error(StatusCodes.Status400BadRequest, "json-invalid", "The body must be a JSON object.");
            Quiz? quiz;
            if (root.TryGetProperty("quiz", out var quizElement))
            {
                var (parsed, errors) = QuizJson.Parse(quizElement.GetRawText());
                if (parsed is null) return Error(StatusCodes.Status400BadRequest, "quiz-invalid", "The quiz has errors.", errors);
                quiz = parsed;
            }
            else if (root.TryGetProperty("demo", out var demo) && demo.ValueKind == JsonValueKind.String && ParseLanguage(demo.GetString()) is { } language)
            {
                quiz = DemoQuizzes.Load(language);
            }
            else
            {
                return Error(StatusCodes.Status400BadRequest, "quiz-missing", "Send a \"quiz\" object, or \"demo\": \"fr\" or \"en\".");
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
                    return Error(StatusCodes.Status400BadRequest, "options-invalid", e.Message);
                }
            }
            var (session, result) = await launcher.Launch(quiz, options);
            return session is null
                ? Error(StatusCodes.Status503ServiceUnavailable, result.Error!, result.Message!)
                : Results.Created($"/api/sessions/{session.SessionId}", new { sessionId = session.SessionId, joinCode = session.JoinCode, hostToken = session.HostToken });
        }
    }

    private static async Task<(string? Body, IResult? Error)> ReadBody(HttpRequest request)
    {
        if (request.ContentLength > MaxBodyBytes)
            return (null, Error(StatusCodes.Status413PayloadTooLarge, "body-too-large", $"The body is limited to {MaxBodyBytes / 1024} KB."));
        using var reader = new StreamReader(request.Body);
        var buffer = new char[MaxBodyBytes + 1];
        var read = await reader.ReadBlockAsync(buffer, 0, buffer.Length);
        if (read > MaxBodyBytes)
            return (null, Error(StatusCodes.Status413PayloadTooLarge, "body-too-large", $"The body is limited to {MaxBodyBytes / 1024} KB."));
        return (new string(buffer, 0, read), null);
    }

    private static IResult Error(int status, string code, string message, IReadOnlyList<ValidationError>? details = null) =>
        Results.Json(new { error = code, message, details }, QuizJson.Options, statusCode: status);

    private static QuizLanguage? ParseLanguage(string? code) => code switch
    {
        "fr" => QuizLanguage.Fr,
        "en" => QuizLanguage.En,
        _ => null,
    };

    private static string LanguageCode(QuizLanguage language) => language == QuizLanguage.Fr ? "fr" : "en";
}
