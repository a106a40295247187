using LearnGame.Domain.Challenges;
using LearnGame.Domain.Quizzes;
using LearnGame.Grains.Abstractions.Challenges;

namespace LearnGame.Server.Apis;

/// <summary>Shared challenges under /api/challenges: a trainer (trainer key) creates one and attaches its sessions (host token).</summary>
public static class ChallengesApi
{
    public static void MapChallengesApi(this WebApplication app)
    {
        var challenges = app.MapGroup("/api/challenges").WithBodyLimit().WithTags("Challenges");
        challenges.MapPost("", (HttpRequest request, TrainerKeys keys, IGrainFactory grains) =>
            LibraryApi.InSpace(request, keys, async space =>
            {
                var (create, error) = await ApiErrors.ReadJson<CreateChallengeRequest>(request);
                if (create is null) return error!;
                var id = Guid.NewGuid();
                var result = await grains.GetGrain<IChallengeGrain>(id).Create(space, create.Title, create.Goal);
                return result.Ok ? TypedResults.Created((string?)null, result.View) : Failed(result);
            }))
            .Accepts<CreateChallengeRequest>("application/json")
            .WithSummary("Create a shared challenge").WithDescription("Trainer key. Body: a title and a goal (correctAnswers, questionPercent or teamsScored). 201 with the challenge.");
        challenges.MapGet("/{challengeId:guid}", (Guid challengeId, HttpRequest request, TrainerKeys keys, IGrainFactory grains) =>
            LibraryApi.InSpace(request, keys, async space => Answer(await grains.GetGrain<IChallengeGrain>(challengeId).Get(space))))
            .WithSummary("Get a challenge and its live progress").WithDescription("Trainer key of the space that created it.");
        challenges.MapPost("/{challengeId:guid}/sessions", (Guid challengeId, HttpRequest request, TrainerKeys keys, IGrainFactory grains) =>
            LibraryApi.InSpace(request, keys, async space =>
            {
                var (attach, error) = await ApiErrors.ReadJson<AttachSessionRequest>(request);
                if (attach is null) return error!;
                if (attach.SessionId is not { } sessionId)
                    return ApiErrors.Problem(StatusCodes.Status400BadRequest, "json-invalid", "Send { \"sessionId\": \"…\" }.");
                var hostToken = request.Headers[ReportsApi.HostTokenHeader].ToString();
                if (string.IsNullOrEmpty(hostToken))
                    return ApiErrors.Problem(StatusCodes.Status403Forbidden, "forbidden", $"Send the session's host token in the {ReportsApi.HostTokenHeader} header.");
                return Answer(await grains.GetGrain<IChallengeGrain>(challengeId).Attach(space, sessionId, hostToken));
            }))
            .Accepts<AttachSessionRequest>("application/json")
            .WithSummary("Attach a session to a challenge").WithDescription("Trainer key, and the session's host token in X-Host-Token. The session contributes its questions closed so far and every later one.");
    }

    /// <summary>The body of POST /api/challenges.</summary>
    public sealed record CreateChallengeRequest(string? Title, ChallengeGoal? Goal);

    /// <summary>The body of POST /api/challenges/{challengeId}/sessions.</summary>
    public sealed record AttachSessionRequest(Guid? SessionId);

    private static IResult Answer(ChallengeResult result) => result.Ok ? TypedResults.Ok(result.View) : Failed(result);

    private static IResult Failed(ChallengeResult result) => result.Error switch
    {
        "challenge-not-found" => ApiErrors.Problem(StatusCodes.Status404NotFound, result.Error, result.Message!),
        "forbidden" => ApiErrors.Problem(StatusCodes.Status403Forbidden, result.Error, "Send the session's host token in the X-Host-Token header."),
        "challenge-already-attached" or "challenge-full" => ApiErrors.Problem(StatusCodes.Status409Conflict, result.Error, result.Message!),
        "storage-unavailable" => ApiErrors.Problem(StatusCodes.Status503ServiceUnavailable, result.Error, result.Message!),
        _ => ApiErrors.Problem(StatusCodes.Status400BadRequest, result.Error!, result.Message!),
    };
}
