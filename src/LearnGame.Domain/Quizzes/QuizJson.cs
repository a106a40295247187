using System.Text.Json;
using System.Text.Json.Serialization;
using LearnGame.Domain.Questions;

namespace LearnGame.Domain.Quizzes;

/// <summary>Reads and writes quizzes in LearnGame's JSON format (docs/quiz-format.md).</summary>
public static class QuizJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        AllowOutOfOrderMetadataProperties = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = false,
    };

    /// <summary>Parses then validates; on failure the quiz is null and every problem found is listed.</summary>
    public static (Quiz? Quiz, IReadOnlyList<ValidationError> Errors) Parse(string json)
    {
        Quiz? quiz;
        try
        {
            quiz = JsonSerializer.Deserialize<Quiz>(json, Options);
        }
        catch (JsonException e)
        {
            return (null, [new(e.Path ?? "$", "json-invalid", Describe(e))]);
        }
        catch (NotSupportedException e)
        {
            return (null, [new("$", "json-invalid", e.Message)]);
        }
        if (quiz is null) return (null, [new("$", "json-invalid", "The quiz is empty.")]);
        var errors = QuizValidator.Validate(quiz);
        return errors.Count == 0 ? (quiz, errors) : (null, errors);
    }

    public static string Write(Quiz quiz) => JsonSerializer.Serialize(quiz, Options);

    private static string Describe(JsonException e) =>
        e.Message.Contains("type discriminator", StringComparison.OrdinalIgnoreCase) || e.Message.Contains("'type'", StringComparison.Ordinal)
            ? "Each question needs a \"type\": single, multiple, trueFalse, typed, numeric, ordering or poll."
            : e.Message;
}
