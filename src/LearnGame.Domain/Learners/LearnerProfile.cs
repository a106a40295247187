using System.Text.Json.Serialization;
using LearnGame.Domain.Sessions;

namespace LearnGame.Domain.Learners;

/// <summary>
/// A pseudonymous learner's profile: display name, XP (and so level), badges and the sessions played. Every change is
/// idempotent by its source (a session id, a challenge id), so a retried delivery never counts twice.
/// </summary>
public sealed class LearnerProfile
{
    /// <summary>At most this many sessions are kept in the history (the oldest go first; XP and badges stay).</summary>
    public const int MaxHistory = 500;

    public static readonly GameError DisplayNameInvalid =
        new("display-name-invalid", $"A display name has 1 to {Nickname.MaxLength} characters, without control or invisible characters.");

    [JsonInclude] public string DisplayName { get; private set; } = "";
    [JsonInclude] public DateTimeOffset CreatedAt { get; private set; }
    [JsonInclude] public int Xp { get; private set; }
    [JsonInclude] public List<EarnedBadge> Badges { get; private set; } = [];
    [JsonInclude] public List<PlayedSession> History { get; private set; } = [];

    /// <summary>Every session recorded, even those dropped from a long history: the idempotency keys.</summary>
    [JsonInclude] public HashSet<Guid> RecordedSessions { get; private set; } = [];
    [JsonInclude] public HashSet<Guid> CompletedChallenges { get; private set; } = [];

    [JsonIgnore] public int Level => XpRules.Level(Xp);

    public static (LearnerProfile? Profile, GameError? Error) Create(string? displayName, DateTimeOffset now)
    {
        var profile = new LearnerProfile { CreatedAt = now };
        if (!string.IsNullOrWhiteSpace(displayName) && profile.Rename(displayName) is { } error) return (null, error);
        return (profile, null);
    }

    public GameError? Rename(string? displayName)
    {
        if (Nickname.Clean(displayName) is not { } clean) return DisplayNameInvalid;
        DisplayName = clean;
        return null;
    }

    public bool HasBadge(string code) => Badges.Any(b => b.Code == code);

    /// <summary>Adds a finished session's results: XP and badges. False (and no change) if that session is already recorded.</summary>
    public bool Record(SessionOutcome outcome, DateTimeOffset now)
    {
        if (!RecordedSessions.Add(outcome.SessionId)) return false;
        var xp = XpRules.ForSession(outcome);
        Xp += xp;
        var earned = new List<string>();
        void Earn(string code)
        {
            if (HasBadge(code)) return;
            Badges.Add(new EarnedBadge(code, now, SessionId: outcome.SessionId));
            earned.Add(code);
        }
        if (outcome.CorrectCount > 0) Earn(Badge.FirstCorrect);
        if (outcome.BestStreak >= Badge.StreakLength) Earn(Badge.StreakOfFive);
        if (XpRules.IsPerfect(outcome)) Earn(Badge.PerfectGame);
        if (outcome.TeamGame && outcome.GradedCount > 0 && outcome.Questions.Where(q => q.Graded).All(q => q.Answered)) Earn(Badge.TeamPlayer);
        if (RecordedSessions.Count >= Badge.RegularSessions) Earn(Badge.Regular);
        History.Add(new PlayedSession(outcome, xp, earned));
        if (History.Count > MaxHistory) History.RemoveAt(0);
        return true;
    }

    /// <summary>The class reached a shared challenge's goal while this learner was there. False if already counted.</summary>
    public bool CompleteChallenge(Guid challengeId, DateTimeOffset now)
    {
        if (!CompletedChallenges.Add(challengeId)) return false;
        Xp += XpRules.ChallengeCompleted;
        if (!HasBadge(Badge.ChallengeCompleted)) Badges.Add(new EarnedBadge(Badge.ChallengeCompleted, now, ChallengeId: challengeId));
        return true;
    }
}
