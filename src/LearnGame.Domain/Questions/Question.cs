using System.Text.Json.Serialization;
using LearnGame.Domain.Sessions;

namespace LearnGame.Domain.Questions;

/// <summary>One question of a quiz; each subtype knows how to check and grade an answer.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(SingleChoiceQuestion), "single")]
[JsonDerivedType(typeof(MultipleChoiceQuestion), "multiple")]
[JsonDerivedType(typeof(TrueFalseQuestion), "trueFalse")]
[JsonDerivedType(typeof(TypedAnswerQuestion), "typed")]
[JsonDerivedType(typeof(NumericQuestion), "numeric")]
[JsonDerivedType(typeof(OrderingQuestion), "ordering")]
[JsonDerivedType(typeof(PollQuestion), "poll")]
public abstract record Question
{
    public const int MinTimeLimitSeconds = 5;
    public const int MaxTimeLimitSeconds = 240;

    public required string Text { get; init; }
    public int TimeLimitSeconds { get; init; } = 20;
    public PointsMode Points { get; init; } = PointsMode.Standard;
    public string? Explanation { get; init; }
    public string? ImageUrl { get; init; }

    /// <summary>What the image shows, for people who cannot see it (the image's alternative text).</summary>
    public string? ImageAlt { get; init; }

    /// <summary>In a team session, members vote and the team answers by consensus (docs/scoring.md); played individually otherwise.</summary>
    public bool Collaborative { get; init; }

    /// <summary>Vote, discuss, revote: a first vote without reveal, a discussion time, then a second vote that is scored.</summary>
    public bool PeerInstruction { get; init; }

    /// <summary>Peer instruction: how long the discussion between the two votes lasts (the trainer may cut it short).</summary>
    public int DiscussionSeconds { get; init; } = DefaultDiscussionSeconds;

    public const int DefaultDiscussionSeconds = 60;
    public const int MinDiscussionSeconds = 10;
    public const int MaxDiscussionSeconds = 600;

    /// <summary>False for polls: nobody is right or wrong, nobody scores.</summary>
    [JsonIgnore] public virtual bool IsGraded => true;

    /// <summary>Checks an answer's shape against this question; null when it is well formed.</summary>
    public abstract GameError? CheckShape(Answer answer);

    /// <summary>How right a well-formed answer is, from 0 (wrong) to 1 (fully right).</summary>
    public abstract double Grade(Answer answer);

    /// <summary>The right answer, shown at reveal; null for a poll.</summary>
    public abstract Answer? ExpectedAnswer();

    /// <summary>How right an answer is as the learner gave it on screen, shown in the order of <paramref name="shuffleSeed"/>.</summary>
    public virtual double GradeAsShown(Answer answer, int shuffleSeed) => Grade(answer);

    /// <summary>The right answer in the terms the learners saw it, shown in the order of <paramref name="shuffleSeed"/>; null for a poll.</summary>
    public virtual Answer? ExpectedAsShown(int shuffleSeed) => ExpectedAnswer();

    /// <summary>Every answer accepted as right, shown at reveal; null where the expected answer says it all.</summary>
    public virtual IReadOnlyList<string>? AcceptedAnswers() => null;

    /// <summary>How far from the right number an answer still earns full credit, shown at reveal; null but for numbers.</summary>
    public virtual double? FullCreditTolerance() => null;

    /// <summary>The bucket an answer falls in for the distribution shown at reveal.</summary>
    public abstract IEnumerable<string> DistributionKeys(Answer answer);

    /// <summary>Type-specific validation; the common fields are validated by <see cref="Quizzes.QuizValidator"/>.</summary>
    internal abstract IEnumerable<ValidationError> ValidateOwn(string path);
}

/// <summary>How many points a question is worth.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PointsMode>))]
public enum PointsMode
{
    [JsonStringEnumMemberName("standard")] Standard,
    [JsonStringEnumMemberName("double")] Double,
    [JsonStringEnumMemberName("none")] None,
}
