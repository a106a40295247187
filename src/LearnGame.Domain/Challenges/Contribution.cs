namespace LearnGame.Domain.Challenges;

/// <summary>
/// What one closed question of one session adds to a challenge. Its <see cref="Id"/> (session + question) makes it
/// count once, however many times it is delivered.
/// </summary>
public sealed record Contribution(Guid SessionId, int QuestionIndex, int Answered, int Correct)
{
    /// <summary>In a team session: how many teams played the round, and which of them scored in it.</summary>
    public int Teams { get; init; }

    public IReadOnlyList<int>? TeamsScored { get; init; }

    public string Id => $"{SessionId:N}:{QuestionIndex}";
}
