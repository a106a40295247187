using LearnGame.Domain.Questions;

namespace LearnGame.Domain.Sessions;

/// <summary>Choices the trainer makes when creating a session.</summary>
public sealed record SessionOptions
{
    /// <summary>Faster correct answers earn more; off means accuracy-only scoring.</summary>
    public bool SpeedScoring { get; init; } = true;

    /// <summary>Close a question as soon as every connected learner has answered.</summary>
    public bool CloseWhenAllAnswered { get; init; } = true;

    /// <summary>Play in teams; null for an individual game.</summary>
    public Teams.TeamOptions? Teams { get; init; }

    /// <summary>The problems with these options, as (field, message); empty when they are valid.</summary>
    public IEnumerable<ValidationError> Problems() => Teams?.Problems() ?? [];
}
