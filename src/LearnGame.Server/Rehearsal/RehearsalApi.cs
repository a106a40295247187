using LearnGame.Domain.Quizzes;
using LearnGame.Server.Apis;

namespace LearnGame.Server.Rehearsal;

/// <summary>POST /api/sessions/{id}/bots?count=n with the host token: bot learners to rehearse with.</summary>
public static class RehearsalApi
{
    public static IServiceCollection AddLearnGameRehearsal(this IServiceCollection services) => services.AddSingleton<RehearsalBots>();

    public static void MapRehearsalApi(this WebApplication app) =>
        app.MapPost("/api/sessions/{sessionId:guid}/bots", async Task<IResult> (Guid sessionId, int? count, HttpRequest request, RehearsalBots bots, CancellationToken cancel) =>
        {
            var (added, error) = await bots.Add(sessionId, request.Headers[ReportsApi.HostTokenHeader].ToString(), count ?? 1, cancel);
            return error switch
            {
                null => TypedResults.Ok(new { added, bots = bots.Count(sessionId) }),
                { Code: "forbidden" } => ApiErrors.Problem(StatusCodes.Status403Forbidden, error.Code, $"Send the session's host token in the {ReportsApi.HostTokenHeader} header."),
                { Code: "bots-limit" } => ApiErrors.Problem(StatusCodes.Status409Conflict, error.Code, error.Message),
                _ => ApiErrors.Problem(StatusCodes.Status400BadRequest, error.Code, error.Message),
            };
        })
            .WithTags("Sessions")
            .WithSummary("Add bot learners to rehearse with").WithDescription("The session's host token in X-Host-Token; count bots join the lobby.");
}
