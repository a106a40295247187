using System.Text.Json.Serialization;

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

    /// <summary>The problems with this goal, as (field, message); empty when it is valid.</summary>
    public IEnumerable<(string Field, string Message)> Problems()
    {
        switch (Kind)
        {
            case GoalKind.CorrectAnswers:
                if (Target is < 1 or > MaxCorrectAnswers) yield return ("goal.target", $"A number of correct answers from 1 to {MaxCorrectAnswers}.");
                if (QuestionIndex is not null) yield return ("goal.questionIndex", "Only a questionPercent goal names a question.");
                break;
            case GoalKind.TeamsScored:
                if (Target is < 1 or > 100) yield return ("goal.target", "A percentage of the teams from 1 to 100 (100: every team).");
                if (QuestionIndex is not null) yield return ("goal.questionIndex", "Only a questionPercent goal names a question.");
                break;
            case GoalKind.QuestionPercent:
                if (Target is < 1 or > 100) yield return ("goal.target", "A percentage from 1 to 100.");
                if (QuestionIndex is not >= 0) yield return ("goal.questionIndex", "The index (from 0) of the question the class must get right.");
                break;
            default:
                yield return ("goal.kind", "correctAnswers, questionPercent or teamsScored.");
                break;
        }
    }
}
