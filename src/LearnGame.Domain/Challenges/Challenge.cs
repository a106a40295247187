using System.Text.Json.Serialization;
using LearnGame.Domain.Questions;
using LearnGame.Domain.Sessions;

namespace LearnGame.Domain.Challenges;

/// <summary>
/// A class-wide goal shared by one or more sessions. Contributions are kept by id, so a repeated delivery (a retry,
/// a session re-activated after a crash) changes nothing; once reached, a challenge stays reached.
/// </summary>
public sealed class Challenge
{
    public const int MaxTitleLength = 80;
    public const int MaxSessions = 200;

    public static readonly GameError TitleInvalid = new("challenge-title-invalid", $"A challenge title has 1 to {MaxTitleLength} characters, without control or invisible characters.");
    public static readonly GameError TooManySessions = new("challenge-full", $"A challenge takes at most {MaxSessions} sessions.");

    [JsonInclude] public Guid Id { get; private set; }
    [JsonInclude] public string Title { get; private set; } = "";
    [JsonInclude] public ChallengeGoal Goal { get; private set; } = new(GoalKind.CorrectAnswers, 1);
    [JsonInclude] public DateTimeOffset CreatedAt { get; private set; }
    [JsonInclude] public DateTimeOffset? ReachedAt { get; private set; }
    [JsonInclude] public List<Guid> Sessions { get; private set; } = [];
    [JsonInclude] public Dictionary<string, Contribution> Contributions { get; private set; } = [];

    public static (Challenge? Challenge, IReadOnlyList<ValidationError> Problems) Create(Guid id, string? title, ChallengeGoal? goal, DateTimeOffset now)
    {
        var problems = new List<ValidationError>();
        var clean = CleanTitle(title);
        if (clean is null) problems.Add(new("title", TitleInvalid.Code, TitleInvalid.Message));
        if (goal is null) problems.Add(new("goal", "required", "A goal: { kind, target[, questionIndex] }."));
        else problems.AddRange(goal.Problems());
        if (problems.Count > 0) return (null, problems);
        return (new Challenge { Id = id, Title = clean!, Goal = goal!, CreatedAt = now }, problems);
    }

    private static string? CleanTitle(string? title)
    {
        var text = title?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > MaxTitleLength || !Nickname.IsWellFormedUtf16(text) || Nickname.HasForbiddenCharacters(text)) return null;
        return text;
    }

    /// <summary>Adds a session (once); refused past <see cref="MaxSessions"/>.</summary>
    public GameError? Attach(Guid sessionId)
    {
        if (Sessions.Contains(sessionId)) return null;
        if (Sessions.Count >= MaxSessions) return TooManySessions;
        Sessions.Add(sessionId);
        return null;
    }

    [JsonIgnore] public bool Reached => ReachedAt is not null;

    /// <summary>Counts a contribution unless its id was counted before. Returns whether it counted.</summary>
    public bool Contribute(Contribution contribution, DateTimeOffset now)
    {
        if (Contributions.ContainsKey(contribution.Id)) return false;
        Contributions[contribution.Id] = contribution;
        if (!Sessions.Contains(contribution.SessionId) && Sessions.Count < MaxSessions) Sessions.Add(contribution.SessionId);
        if (!Reached && Current >= Goal.Target) ReachedAt = now;
        return true;
    }

    /// <summary>Where the class stands, in the goal's unit: correct answers, or the percentage right (rounded down).</summary>
    [JsonIgnore]
    public int Current => Goal.Kind switch
    {
        GoalKind.CorrectAnswers => Contributions.Values.Sum(c => c.Correct),
        GoalKind.QuestionPercent => QuestionPercent(),
        GoalKind.TeamsScored => TeamsScoredPercent(),
        _ => 0,
    };

    /// <summary>Teams that have scored at least once, over every team of the attached team sessions, in % (rounded down).</summary>
    private int TeamsScoredPercent()
    {
        var teams = 0;
        var scored = 0;
        foreach (var session in Contributions.Values.Where(c => c.Teams > 0).GroupBy(c => c.SessionId))
        {
            teams += session.Max(c => c.Teams);
            scored += session.SelectMany(c => c.TeamsScored ?? []).Distinct().Count();
        }
        return teams == 0 ? 0 : scored * 100 / teams;
    }

    private int QuestionPercent()
    {
        var answered = 0;
        var correct = 0;
        foreach (var c in Contributions.Values.Where(c => c.QuestionIndex == Goal.QuestionIndex))
        {
            answered += c.Answered;
            correct += c.Correct;
        }
        return answered == 0 ? 0 : correct * 100 / answered;
    }

    public ChallengeView View() => new(Id, Title, Goal.Kind, Goal.Target, Goal.QuestionIndex, Current,
        Math.Min(100, Goal.Target == 0 ? 0 : Current * 100 / Goal.Target), Reached, ReachedAt, Sessions.Count,
        Contributions.Count + Sessions.Count);
}

/// <summary>
/// A challenge's progress as learners, projectors and trainers see it (the <c>challenge</c> event). <c>Version</c> grows
/// with every counted contribution and attached session: of two views, the later one has the larger version.
/// </summary>
public sealed record ChallengeView(
    Guid ChallengeId,
    string Title,
    GoalKind Kind,
    int Target,
    int? QuestionIndex,
    int Current,
    int Percent,
    bool Reached,
    DateTimeOffset? ReachedAt,
    int Sessions,
    int Version);
