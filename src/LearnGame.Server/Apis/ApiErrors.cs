using LearnGame.Domain.Questions;
using LearnGame.Domain.Quizzes;

namespace LearnGame.Server.Apis;

/// <summary>How every REST endpoint reads a body and answers an error: { error, message, details }.</summary>
public static class ApiErrors
{
    /// <summary>Quizzes are text; a megabyte is far more than a hundred questions need.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    public static async Task<(string? Body, IResult? Error)> ReadBody(HttpRequest request)
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

    public static IResult Error(int status, string code, string message, IReadOnlyList<ValidationError>? details = null) =>
        Results.Json(new { error = code, message, details }, QuizJson.Options, statusCode: status);
}
