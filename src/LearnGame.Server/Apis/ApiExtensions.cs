using LearnGame.Server.Extensions;

namespace LearnGame.Server.Apis;

/// <summary>What every REST endpoint shares: the wire's JSON settings and problem details for every error.</summary>
public static class ApiExtensions
{
    public static IServiceCollection AddLearnGameApi(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o => WireJson.Apply(o.SerializerOptions));
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            // Problems the framework writes itself (a body over the limit, an unexpected exception) get a stable code too.
            var code = context.ProblemDetails.Status switch
            {
                StatusCodes.Status413PayloadTooLarge => ApiErrors.BodyTooLarge,
                >= StatusCodes.Status500InternalServerError => "unavailable",
                _ => null,
            };
            if (code is not null) context.ProblemDetails.Extensions.TryAdd("error", code);
            // Two refusals for one reason read the same (a wrong key and no key, say): nothing per request in the body.
            context.ProblemDetails.Extensions.Remove("traceId");
        });
        return services;
    }

    /// <summary>Unexpected exceptions in an endpoint answer a 500 problem with the code <c>unavailable</c>, not an empty body.</summary>
    public static WebApplication UseLearnGameApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        return app;
    }
}
