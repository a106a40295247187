using System.Text.Json;
using LearnGame.Server.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;

namespace LearnGame.Server.Apis;

/// <summary>
/// How every REST endpoint reads a body and answers an error: an RFC 9457 problem (application/problem+json) whose
/// <c>error</c> member is our stable code, with <c>details</c> where there are some.
/// </summary>
public static class ApiErrors
{
    /// <summary>Quizzes are text; a megabyte is far more than a hundred questions need.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    public const string BodyTooLarge = "body-too-large";

    private static readonly JsonSerializerOptions Json = CreateJson();

    public static ProblemHttpResult Problem(int status, string code, string message, object? details = null)
    {
        var extensions = new Dictionary<string, object?> { ["error"] = code };
        if (details is not null) extensions["details"] = details;
        return TypedResults.Problem(detail: message, statusCode: status, extensions: extensions);
    }

    /// <summary>The body as text, within the endpoint's size limit (<see cref="WithBodyLimit"/>), which the server enforces.</summary>
    public static async Task<(string? Body, IResult? Error)> ReadBody(HttpRequest request)
    {
        try
        {
            using var reader = new StreamReader(request.Body);
            return (await reader.ReadToEndAsync(request.HttpContext.RequestAborted), null);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge());
        }
    }

    /// <summary>The body read as <typeparamref name="T"/>; <c>json-invalid</c> when it is not that JSON object.</summary>
    public static async Task<(T? Body, IResult? Error)> ReadJson<T>(HttpRequest request) where T : class
    {
        var (text, error) = await ReadBody(request);
        return error is null ? ParseJson<T>(text!) : (null, error);
    }

    /// <summary><paramref name="text"/> read as <typeparamref name="T"/>; <c>json-invalid</c> when it is not that JSON object.</summary>
    public static (T? Body, IResult? Error) ParseJson<T>(string text) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(text, Json) is { } body
                ? (body, null)
                : (null, Problem(StatusCodes.Status400BadRequest, "json-invalid", "The body must be a JSON object."));
        }
        catch (JsonException e)
        {
            return (null, Problem(StatusCodes.Status400BadRequest, "json-invalid", e.Message));
        }
    }

    public static ProblemHttpResult TooLarge() =>
        Problem(StatusCodes.Status413PayloadTooLarge, BodyTooLarge, $"The body is limited to {MaxBodyBytes / 1024} KB.");

    /// <summary>Limits the body of the endpoints of <paramref name="builder"/> to <see cref="MaxBodyBytes"/>.</summary>
    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new BodyLimit(MaxBodyBytes));

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions();
        WireJson.Apply(options);
        return options;
    }

    private sealed record BodyLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
}
