using System.Text.Json.Serialization;
using LearnGame.Domain.Questions;
using LearnGame.Domain.Scoring;

namespace LearnGame.Domain.Sessions;

/// <summary>A learner's place in a session: nickname, score and streak, reclaimed with the seat token.</summary>
public sealed class Seat
{
    [JsonInclude] public int Id { get; internal set; }
    [JsonInclude] public string Nickname { get; internal set; } = "";
    [JsonInclude] public string TokenHash { get; internal set; } = "";
    [JsonInclude] public int Score { get; internal set; }
    [JsonInclude] public int Streak { get; internal set; }
    [JsonInclude] public int BestStreak { get; internal set; }
    [JsonInclude] public int CorrectCount { get; internal set; }

    /// <summary>Total time taken by correct answers, the second tie-breaker.</summary>
    [JsonInclude] public long CorrectTimeMs { get; internal set; }
    [JsonInclude] public bool Kicked { get; internal set; }

    /// <summary>The learner's team in a team session, once it has one.</summary>
    [JsonInclude] public int? TeamId { get; internal set; }

    /// <summary>The extra time the trainer granted this learner, if any; it applies from the next question opened.</summary>
    [JsonInclude] public ExtraTime? ExtraTime { get; internal set; }

    /// <summary>The learner profile this seat reports to at the end of the game (joined with a learner token); null otherwise.</summary>
    [JsonInclude] public Guid? LearnerId { get; internal set; }

    /// <summary>
    /// The streak rule of every scored round, individual or team: a correct answer extends the streak and returns its
    /// bonus; a wrong answer, or none, ends it and returns 0.
    /// </summary>
    internal int ContinueStreak(bool correct, PointsMode mode)
    {
        Streak = correct ? Streak + 1 : 0;
        BestStreak = Math.Max(BestStreak, Streak);
        return correct ? ScoringRules.StreakBonus(mode, Streak) : 0;
    }

    /// <summary>A copy of the seat as it is now, which the game's later changes (scores, streaks, teams) do not reach.</summary>
    public Seat Copy() => (Seat)MemberwiseClone();
}
