using System.Text.Json;
using LearnGame.Domain.Challenges;
using LearnGame.Domain.Quizzes;
using LearnGame.Grains.Abstractions.Challenges;

namespace LearnGame.Server.Apis;

/// <summary>Shared challenges under /api/challenges: a trainer (trainer key) creates one and attaches its sessions (host token).</summary>
public static class ChallengesApi
{
    public static void MapChallengesApi(this WebApplication app)
    {
        var challenges = app.MapGroup("/api/challenges");
        challenges.MapPost("", (HttpRequest request, TrainerKeys keys, IGrainFactory grains) =>
            LibraryApi.InSpace(request, keys, async space =>
            {
                var (body, error) = await ApiErrors.ReadBody(request);
                if (error is not null) return error;
                ChallengeRequest? create;
                try
                {
                    create = JsonSerializer.Deserialize<ChallengeRequest>(body!, QuizJson.Options);
                }
                catch (JsonException e)
                {
                    return ApiErrors.Error(StatusCodes.Status400BadRequest, "json-invalid", e.Message);
                }
                var id = Guid.NewGuid();
                var result = await grains.GetGrain<IChallengeGrain>(id).Create(space, create?.Title, create?.Goal);
                return result.Ok ? Results.Json(result.View, QuizJson.Options, statusCode: StatusCodes.Status201Created) : Failed(result);
            }));
        challenges.MapGet("/{challengeId:guid}", (Guid challengeId, HttpRequest request, TrainerKeys keys, IGrainFactory grains) =>
            LibraryApi.InSpace(request, keys, async space => Answer(await grains.GetGrain<IChallengeGrain>(challengeId).Get(space))));
        challenges.MapPost("/{challengeId:guid}/sessions", (Guid challengeId, HttpRequest request, TrainerKeys keys, IGrainFactory grains) =>
            LibraryApi.InSpace(request, keys, async space =>
            {
                var (body, error) = await ApiErrors.ReadBody(request);
                if (error is not null) return error;
                Guid sessionId;
                try
                {
                    using var document = JsonDocument.Parse(body!);
                    if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("sessionId", out var idElement)
                        || !idElement.TryGetGuid(out sessionId))
                        return ApiErrors.Error(StatusCodes.Status400BadRequest, "json-invalid", "Send { \"sessionId\": \"…\" }.");
                }
                catch (JsonException e)
                {
                    return ApiErrors.Error(StatusCodes.Status400BadRequest, "json-invalid", e.Message);
                }
                var hostToken = request.Headers[ReportsApi.HostTokenHeader].ToString();
                if (string.IsNullOrEmpty(hostToken))
                    return ApiErrors.Error(StatusCodes.Status403Forbidden, "forbidden", $"Send the session's host token in the {ReportsApi.HostTokenHeader} header.");
                return Answer(await grains.GetGrain<IChallengeGrain>(challengeId).Attach(space, sessionId, hostToken));
            }));
    }

    private sealed record ChallengeRequest(string? Title, ChallengeGoal? Goal);

    private static IResult Answer(ChallengeResult result) => result.Ok ? Results.Json(result.View, QuizJson.Options) : Failed(result);

    private static IResult Failed(ChallengeResult result) => result.Error switch
    {
        "challenge-not-found" => ApiErrors.Error(StatusCodes.Status404NotFound, result.Error, result.Message!),
        "forbidden" => ApiErrors.Error(StatusCodes.Status403Forbidden, result.Error, "Send the session's host token in the X-Host-Token header."),
        "challenge-already-attached" or "challenge-full" => ApiErrors.Error(StatusCodes.Status409Conflict, result.Error, result.Message!),
        "storage-unavailable" => ApiErrors.Error(StatusCodes.Status503ServiceUnavailable, result.Error, result.Message!),
        _ => ApiErrors.Error(StatusCodes.Status400BadRequest, result.Error!, result.Message!),
    };
}
