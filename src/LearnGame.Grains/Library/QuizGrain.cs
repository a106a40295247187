using LearnGame.Domain.Quizzes;
using LearnGame.Grains.Abstractions.Library;

namespace LearnGame.Grains.Library;

/// <summary>Keeps every version of one quiz; the space's listing is updated after each save.</summary>
public sealed class QuizGrain(
    [PersistentState("quiz", GrainStorage.Name)] IPersistentState<QuizGrainState> state,
    TimeProvider time) : Grain, IQuizGrain
{
    /// <summary>Old versions stay readable for sessions and reports; past this many, the oldest are dropped.</summary>
    public const int MaxVersions = 50;

    public async Task<QuizSaved> Create(string spaceId, Quiz quiz)
    {
        if (state.State.SpaceId is not null) return new QuizSaved(false, "quiz-exists", "This quiz already exists.", 0);
        if (Invalid(quiz) is { } error) return error;
        state.State.SpaceId = spaceId;
        return await Save(quiz);
    }

    public async Task<QuizSaved> Update(string spaceId, Quiz quiz, int? expectedVersion)
    {
        if (!Owned(spaceId)) return NotFound;
        if (expectedVersion is { } expected && expected != state.State.LatestVersion)
            return new QuizSaved(false, "version-conflict", $"The quiz is at version {state.State.LatestVersion}, not {expected}.", state.State.LatestVersion);
        if (Invalid(quiz) is { } error) return error;
        return await Save(quiz);
    }

    public Task<QuizVersion?> Get(string spaceId, int? version)
    {
        if (!Owned(spaceId)) return Task.FromResult<QuizVersion?>(null);
        var wanted = version ?? state.State.LatestVersion;
        var found = state.State.Versions.FirstOrDefault(v => v.Version == wanted);
        return Task.FromResult(found is null ? null : new QuizVersion(this.GetPrimaryKey(), found.Version, state.State.LatestVersion, found.SavedAt, found.Quiz));
    }

    public async Task<bool> Delete(string spaceId)
    {
        if (!Owned(spaceId)) return false;
        state.State.Deleted = true;
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<ITrainerSpaceGrain>(spaceId).Remove(this.GetPrimaryKey());
        return true;
    }

    private static readonly QuizSaved NotFound = new(false, "quiz-not-found", "No such quiz in your space.", 0);

    private bool Owned(string spaceId) => state.State.SpaceId == spaceId && !state.State.Deleted && state.State.Versions.Count > 0;

    private static QuizSaved? Invalid(Quiz quiz) =>
        QuizValidator.Validate(quiz) is { Count: > 0 } errors
            ? new QuizSaved(false, "quiz-invalid", string.Join(" ", errors.Select(e => $"{e.Path}: {e.Message}")), 0)
            : null;

    private async Task<QuizSaved> Save(Quiz quiz)
    {
        var now = time.GetUtcNow();
        var version = state.State.LatestVersion + 1;
        state.State.Versions.Add(new StoredQuizVersion { Version = version, SavedAt = now, Quiz = quiz });
        if (state.State.Versions.Count > MaxVersions) state.State.Versions.RemoveAt(0);
        state.State.LatestVersion = version;
        await state.WriteStateAsync();
        var language = quiz.Language == QuizLanguage.Fr ? "fr" : "en";
        await GrainFactory.GetGrain<ITrainerSpaceGrain>(state.State.SpaceId!)
            .Upsert(new QuizSummary(this.GetPrimaryKey(), quiz.Title, language, quiz.Questions.Count, version, now));
        return new QuizSaved(true, null, null, version);
    }
}

/// <summary>The persisted versions of a quiz and the space it belongs to.</summary>
public sealed class QuizGrainState
{
    public string? SpaceId { get; set; }
    public int LatestVersion { get; set; }
    public bool Deleted { get; set; }
    public List<StoredQuizVersion> Versions { get; set; } = [];
}

/// <summary>One saved version.</summary>
public sealed class StoredQuizVersion
{
    public int Version { get; set; }
    public DateTimeOffset SavedAt { get; set; }
    public Quiz Quiz { get; set; } = null!;
}
