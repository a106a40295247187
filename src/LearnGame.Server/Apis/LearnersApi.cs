using System.Text.Json;
using LearnGame.Domain.Learners;
using LearnGame.Domain.Quizzes;
using LearnGame.Domain.Sessions;
using LearnGame.Grains.Abstractions.Learners;

namespace LearnGame.Server.Apis;

/// <summary>
/// Learner profiles under /api/learners: create one (the answer holds the learner token, once), then see, rename,
/// export and erase it with the token in the X-Learner-Token header (never in a URL: URLs end up in logs).
/// </summary>
public static class LearnersApi
{
    public const string TokenHeader = "X-Learner-Token";

    public static void MapLearnersApi(this WebApplication app)
    {
        var learners = app.MapGroup("/api/learners").WithBodyLimit().WithTags("Learner profiles");
        learners.MapPost("", async (HttpRequest request, IGrainFactory grains) =>
        {
            var (name, error) = await ReadDisplayName(request, required: false);
            if (error is not null) return error;
            var token = SecretToken.New();
            var result = await grains.GetGrain<ILearnerGrain>(LearnerToken.IdOf(token)).Create(name);
            return result.Ok
                ? TypedResults.Created((string?)null, new { learnerToken = token, profile = View(result.Profile!) })
                : Failed(result);
        })
            .Accepts<DisplayNameRequest>("application/json")
            .WithSummary("Create a learner profile").WithDescription("The answer holds the learner token, once: keep it, it is never shown again.");
        learners.MapGet("/me", (HttpRequest request, IGrainFactory grains) =>
            AsLearner(request, grains, async learner => Answer(await learner.Get())))
            .WithSummary("Get your learner profile").WithDescription("The learner token in X-Learner-Token.");
        learners.MapPut("/me", (HttpRequest request, IGrainFactory grains) =>
            AsLearner(request, grains, async learner =>
            {
                var (name, error) = await ReadDisplayName(request, required: true);
                return error ?? Answer(await learner.Rename(name));
            }))
            .Accepts<DisplayNameRequest>("application/json")
            .WithSummary("Rename your learner profile").WithDescription("The learner token in X-Learner-Token; body { displayName }.");
        learners.MapGet("/me/export", (HttpRequest request, IGrainFactory grains) =>
            AsLearner(request, grains, async learner =>
            {
                if (await learner.Export() is not { } export) return NotFound();
                var body = new { exportedAt = export.ExportedAt, profile = View(export.Profile), sessionsJoined = export.SessionsJoined };
                return TypedResults.File(JsonSerializer.SerializeToUtf8Bytes(body, QuizJson.Options), "application/json", "learngame-profile.json");
            }))
            .WithSummary("Download everything your profile holds").WithDescription("The learner token in X-Learner-Token; a JSON file.");
        learners.MapDelete("/me", (HttpRequest request, IGrainFactory grains) =>
            AsLearner(request, grains, async learner =>
            {
                var result = await learner.Erase();
                return result.Ok ? TypedResults.NoContent() : Failed(result);
            }))
            .WithSummary("Erase your learner profile").WithDescription("The learner token in X-Learner-Token; you are anonymised in every session you joined with it.");
    }

    /// <summary>What a learner sees of its profile (and what the export holds).</summary>
    public static object View(LearnerProfile profile) => new
    {
        displayName = profile.DisplayName,
        createdAt = profile.CreatedAt,
        xp = profile.Xp,
        level = profile.Level,
        levelStartXp = XpRules.LevelStart(profile.Level),
        nextLevelXp = XpRules.LevelStart(profile.Level + 1),
        badges = profile.Badges,
        sessions = profile.History.Select(h => new
        {
            sessionId = h.Outcome.SessionId,
            title = h.Outcome.Title,
            finishedAt = h.Outcome.FinishedAt,
            nickname = h.Outcome.Nickname,
            score = h.Outcome.Score,
            rank = h.Outcome.Rank,
            learnerCount = h.Outcome.LearnerCount,
            correctCount = h.Outcome.CorrectCount,
            gradedCount = h.Outcome.GradedCount,
            teamGame = h.Outcome.TeamGame,
            xp = h.Xp,
            badges = h.Badges,
            questions = h.Outcome.Questions,
        }),
    };

    private static async Task<IResult> AsLearner(HttpRequest request, IGrainFactory grains, Func<ILearnerGrain, Task<IResult>> action)
    {
        var token = request.Headers[TokenHeader].ToString();
        if (string.IsNullOrEmpty(token))
            return ApiErrors.Problem(StatusCodes.Status401Unauthorized, "learner-token-required", $"Send the learner token in the {TokenHeader} header.");
        // A malformed token opens no profile, like an unknown one: one answer for both.
        if (!LearnerToken.IsWellFormed(token)) return NotFound();
        try
        {
            return await action(grains.GetGrain<ILearnerGrain>(LearnerToken.IdOf(token)));
        }
        catch (Exception)
        {
            return ApiErrors.Problem(StatusCodes.Status503ServiceUnavailable, "unavailable", "The profile could not be reached; try again.");
        }
    }

    private static IResult Answer(LearnerResult result) =>
        result.Ok ? TypedResults.Ok(View(result.Profile!)) : Failed(result);

    private static IResult Failed(LearnerResult result) => result.Error switch
    {
        "learner-not-found" => NotFound(),
        "unavailable" => ApiErrors.Problem(StatusCodes.Status503ServiceUnavailable, result.Error, result.Message!),
        _ => ApiErrors.Problem(StatusCodes.Status400BadRequest, result.Error!, result.Message!),
    };

    private static IResult NotFound() =>
        ApiErrors.Problem(StatusCodes.Status404NotFound, "learner-not-found", "No learner profile for this token (never created, or erased).");

    private static async Task<(string? Name, IResult? Error)> ReadDisplayName(HttpRequest request, bool required)
    {
        var (text, error) = await ApiErrors.ReadBody(request);
        if (error is not null) return (null, error);
        if (string.IsNullOrWhiteSpace(text) && !required) return (null, null);
        var (body, invalid) = ApiErrors.ParseJson<DisplayNameRequest>(text!);
        if (body is null) return (null, invalid);
        if (body.DisplayName is { } name) return (name, null);
        return required
            ? (null, ApiErrors.Problem(StatusCodes.Status400BadRequest, LearnerProfile.DisplayNameInvalid.Code, LearnerProfile.DisplayNameInvalid.Message))
            : (null, null);
    }

    /// <summary>The body of POST and PUT /api/learners/me: the name shown on the leaderboard.</summary>
    public sealed record DisplayNameRequest(string? DisplayName);
}
