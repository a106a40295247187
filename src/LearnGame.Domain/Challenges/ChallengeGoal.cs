using System.Text.Json.Serialization;
using LearnGame.Domain.Questions;

namespace LearnGame.Domain.Challenges;

/// <summary>What a shared challenge counts. New kinds add a case here and in <see cref="Challenge"/>'s progress.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GoalKind>))]
public enum GoalKind
{
    /// <summary>Correct answers given together, across every attached session, reach <c>target</c>.</summary>
    [JsonStringEnumMemberName("correctAnswers")] CorrectAnswers,

    /// <summary>The share of correct answers to one question (by its index), across every attached session, reaches <c>target</c> %.</summary>
    [JsonStringEnumMemberName("questionPercent")] QuestionPercent,

    /// <summary>The share of teams, across every attached team session, that have scored at least once reaches <c>target</c> % (100: every team).</summary>
    [JsonStringEnumMemberName("teamsScored")] TeamsScored,
}

/// <summary>A challenge's goal: its kind, its target, and for <see cref="GoalKind.QuestionPercent"/> the question.</summary>
public sealed record ChallengeGoal(GoalKind Kind, int Target, int? QuestionIndex = null)
{
    public const int MaxCorrectAnswers = 1_000_000;

    /// <summary>The problems with this goal; empty when it is valid.</summary>
    public IEnumerable<ValidationError> Problems()
    {
        switch (Kind)
        {
            case GoalKind.CorrectAnswers:
                if (Target is < 1 or > MaxCorrectAnswers) yield return new("goal.target", "out-of-range", $"A number of correct answers from 1 to {MaxCorrectAnswers}.");
                if (QuestionIndex is not null) yield return new("goal.questionIndex", "not-allowed", "Only a questionPercent goal names a question.");
                break;
            case GoalKind.TeamsScored:
                if (Target is < 1 or > 100) yield return new("goal.target", "out-of-range", "A percentage of the teams from 1 to 100 (100: every team).");
                if (QuestionIndex is not null) yield return new("goal.questionIndex", "not-allowed", "Only a questionPercent goal names a question.");
                break;
            case GoalKind.QuestionPercent:
                if (Target is < 1 or > 100) yield return new("goal.target", "out-of-range", "A percentage from 1 to 100.");
                if (QuestionIndex is not >= 0) yield return new("goal.questionIndex", "required", "The index (from 0) of the question the class must get right.");
                break;
            default:
                yield return new("goal.kind", "kind-invalid", "correctAnswers, questionPercent or teamsScored.");
                break;
        }
    }
}
