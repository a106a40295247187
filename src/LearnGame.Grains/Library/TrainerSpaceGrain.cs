using LearnGame.Grains.Abstractions.Library;

namespace LearnGame.Grains.Library;

/// <summary>A trainer space's list of quizzes, kept here so that listing never scans the cluster.</summary>
public sealed class TrainerSpaceGrain([PersistentState("space", GrainStorage.Name)] IPersistentState<TrainerSpaceState> state)
    : Grain, ITrainerSpaceGrain
{
    public Task<IReadOnlyList<QuizSummary>> List() =>
        Task.FromResult<IReadOnlyList<QuizSummary>>(state.State.Quizzes.OrderByDescending(q => q.UpdatedAt).ThenBy(q => q.QuizId).ToList());

    public async Task Upsert(QuizSummary summary)
    {
        state.State.Quizzes.RemoveAll(q => q.QuizId == summary.QuizId);
        state.State.Quizzes.Add(summary);
        await state.WriteStateAsync();
    }

    public async Task Remove(Guid quizId)
    {
        if (state.State.Quizzes.RemoveAll(q => q.QuizId == quizId) > 0) await state.WriteStateAsync();
    }
}

/// <summary>The persisted summaries of a space's quizzes.</summary>
public sealed class TrainerSpaceState
{
    public List<QuizSummary> Quizzes { get; set; } = [];
}
