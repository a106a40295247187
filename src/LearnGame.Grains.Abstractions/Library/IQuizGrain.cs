using LearnGame.Domain.Quizzes;

namespace LearnGame.Grains.Abstractions.Library;

/// <summary>One quiz of the library (key: quiz id), every saved version kept so that sessions can cite the one they played.</summary>
public interface IQuizGrain : IGrainWithGuidKey
{
    /// <summary>Saves the first version; fails if the quiz already exists.</summary>
    Task<QuizSaved> Create(string spaceId, Quiz quiz);

    /// <summary>Saves a new version; when <paramref name="expectedVersion"/> is given it must be the latest (no lost update).</summary>
    Task<QuizSaved> Update(string spaceId, Quiz quiz, int? expectedVersion);

    /// <summary>The latest version, or the given one; null when absent, deleted or in another space.</summary>
    Task<QuizVersion?> Get(string spaceId, int? version);

    Task<bool> Delete(string spaceId);
}

/// <summary>The trainer space (key: the hash of a trainer key) and the summary of its quizzes, so listing reads one grain.</summary>
public interface ITrainerSpaceGrain : IGrainWithStringKey
{
    Task<IReadOnlyList<QuizSummary>> List();

    Task Upsert(QuizSummary summary);

    Task Remove(Guid quizId);
}

[GenerateSerializer, Immutable, Alias("lg.QuizSaved")]
public sealed record QuizSaved([property: Id(0)] bool Ok, [property: Id(1)] string? Error, [property: Id(2)] string? Message, [property: Id(3)] int Version);

[GenerateSerializer, Immutable, Alias("lg.QuizVersion")]
public sealed record QuizVersion([property: Id(0)] Guid QuizId, [property: Id(1)] int Version, [property: Id(2)] int LatestVersion,
    [property: Id(3)] DateTimeOffset SavedAt, [property: Id(4)] Quiz Quiz);

[GenerateSerializer, Immutable, Alias("lg.QuizSummary")]
public sealed record QuizSummary([property: Id(0)] Guid QuizId, [property: Id(1)] string Title, [property: Id(2)] string Language,
    [property: Id(3)] int QuestionCount, [property: Id(4)] int Version, [property: Id(5)] DateTimeOffset UpdatedAt);
