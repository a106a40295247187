using System.Text.Json;
using LearnGame.Domain.Questions;

namespace LearnGame.Content.Gift;

/// <summary>
/// LearnGame's extension to GIFT: a comment line <c>// learngame: {json}</c> just above a question carries what GIFT
/// cannot say (time limit, points, image, slider, poll, team and peer-instruction rounds, …). Moodle ignores comments, so files stay valid GIFT.
/// </summary>
internal sealed record GiftMetadata
{
    public const string QuestionPrefix = "// learngame:";
    public const string QuizPrefix = "// learngame-quiz:";

    public string? Type { get; init; }
    public bool? AllowSeveral { get; init; }
    public int? TimeLimitSeconds { get; init; }
    public PointsMode? Points { get; init; }
    public string? ImageUrl { get; init; }
    public string? ImageAlt { get; init; }
    public bool? IgnoreAccents { get; init; }
    public double? Min { get; init; }
    public double? Max { get; init; }
    public double? Step { get; init; }
    public string? Unit { get; init; }
    public bool? Collaborative { get; init; }
    public bool? PeerInstruction { get; init; }
    public int? DiscussionSeconds { get; init; }

    public static readonly string[] Types = ["single", "multiple", "trueFalse", "typed", "numeric", "ordering", "poll"];

    /// <summary>Reads the JSON after the prefix; null and an error message when it is not a metadata object we know.</summary>
    public static (GiftMetadata? Metadata, string? Error, IReadOnlyList<string> UnknownKeys) Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object) return (null, "The learngame comment must hold a JSON object.", []);
            var known = typeof(GiftMetadata).GetProperties().Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var unknown = document.RootElement.EnumerateObject().Select(p => p.Name).Where(n => !known.Contains(n)).ToArray();
            var metadata = document.RootElement.Deserialize<GiftMetadata>(Domain.Quizzes.QuizJson.Options)!;
            if (metadata.Type is { } type && !Types.Contains(type))
                return (null, $"Unknown question type \"{type}\": use {string.Join(", ", Types)}.", []);
            return (metadata, null, unknown);
        }
        catch (JsonException e)
        {
            return (null, $"The learngame comment is not valid JSON: {e.Message}", []);
        }
    }

    public string Write() => JsonSerializer.Serialize(this, Domain.Quizzes.QuizJson.Options);

    public bool IsEmpty => this == new GiftMetadata();

    /// <summary>Applies the common fields to a question read from the GIFT text.</summary>
    public Question ApplyCommon(Question question)
    {
        var q = question;
        if (TimeLimitSeconds is { } t) q = q with { TimeLimitSeconds = t };
        if (Points is { } p) q = q with { Points = p };
        if (ImageUrl is { } u) q = q with { ImageUrl = u };
        if (ImageAlt is { } a) q = q with { ImageAlt = a };
        if (Collaborative is { } c) q = q with { Collaborative = c };
        if (PeerInstruction is { } pi) q = q with { PeerInstruction = pi };
        if (DiscussionSeconds is { } d) q = q with { DiscussionSeconds = d };
        return q;
    }
}

/// <summary>The quiz-level metadata comment: <c>// learngame-quiz: {"title": "…", "language": "fr"}</c>.</summary>
internal sealed record GiftQuizMetadata(string? Title, Domain.Quizzes.QuizLanguage? Language);
