using LearnGame.Domain.Questions;
using LearnGame.Domain.Sessions;

namespace LearnGame.Domain.Reports;

/// <summary>What a trainer takes away from a session: how each question went and how each learner did.</summary>
public sealed record SessionReport(
    Guid SessionId,
    string Title,
    string Language,
    SessionPhase Phase,
    DateTimeOffset CreatedAt,
    IReadOnlyList<QuestionReport> Questions,
    IReadOnlyList<LearnerReport> Learners,
    IReadOnlyList<TeamReport>? Teams = null)
{
    /// <summary>When the session's personal data was purged (its learners are then gone); null before.</summary>
    public DateTimeOffset? PurgedAt { get; init; }

    /// <summary>How many learners took part (after the purge, the only thing left of them).</summary>
    public int LearnerCount { get; init; }

    public static SessionReport Of(GameSession session)
    {
        var ranks = session.Ranking().Select((s, i) => (s.Id, Rank: i + 1)).ToDictionary(x => x.Id, x => x.Rank);
        var active = session.ActiveSeats.ToList();
        var questions = session.Rounds.Where(r => r.Closed).Select(r => QuestionReport.Of(session, r)).ToList();
        var learners = active.OrderBy(s => ranks[s.Id]).Select(s => LearnerReport.Of(session, s, ranks[s.Id])).ToList();
        var teams = session.Teams.Count == 0 ? null : session.TeamRanking().Select((t, i) => TeamReport.Of(session, t, i + 1)).ToList();
        var language = session.Quiz.Language == Quizzes.QuizLanguage.Fr ? "fr" : "en";
        var report = new SessionReport(session.Id, session.Quiz.Title, language, session.Phase, session.CreatedAt, questions, learners, teams);
        return report with { LearnerCount = learners.Count };
    }
}

/// <summary>One played question: the class's answers, the share right, the mean time and the likely misconception.</summary>
public sealed record QuestionReport(
    int QuestionIndex,
    string Type,
    string Text,
    bool Graded,
    bool Skipped,
    int LearnerCount,
    int AnsweredCount,
    int CorrectCount,
    double? PercentCorrect,
    double? MeanTimeMs,
    IReadOnlyDictionary<string, int> Distribution,
    string? MostChosenWrongAnswer,
    int MostChosenWrongCount)
{
    public static QuestionReport Of(GameSession session, Round round)
    {
        var question = session.Quiz.Questions[round.QuestionIndex];
        var answers = round.Answers.Where(a => session.SeatById(a.Key) is not null).Select(a => a.Value).ToList();
        var distribution = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var wrong = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var answer in answers)
        {
            var keys = question.DistributionKeys(answer.Answer).ToList();
            foreach (var key in keys) distribution[key] = distribution.GetValueOrDefault(key) + 1;
            // The most chosen wrong answer is counted per whole answer, not per picked choice.
            if (question.IsGraded && !answer.Correct)
            {
                var whole = string.Join("+", keys);
                wrong[whole] = wrong.GetValueOrDefault(whole) + 1;
            }
        }
        var top = wrong.OrderByDescending(w => w.Value).ThenBy(w => w.Key, StringComparer.Ordinal).FirstOrDefault();
        var graded = question.IsGraded && !round.Skipped;
        return new QuestionReport(
            round.QuestionIndex,
            Sessions.Views.QuestionView.TypeName(question),
            question.Text,
            graded,
            round.Skipped,
            session.ActiveSeats.Count(),
            answers.Count,
            answers.Count(a => a.Correct),
            graded && answers.Count > 0 ? Math.Round(100.0 * answers.Count(a => a.Correct) / answers.Count, 1) : null,
            answers.Count > 0 ? Math.Round(answers.Average(a => a.ElapsedMs), 0) : null,
            distribution,
            top.Key,
            top.Value);
    }
}

/// <summary>One learner's results: correct answers regardless of speed, score, rank, and every answer with its time.</summary>
public sealed record LearnerReport(
    int SeatId,
    string Nickname,
    int Rank,
    int Score,
    int CorrectCount,
    int AnsweredCount,
    long TotalTimeMs,
    IReadOnlyList<LearnerAnswerReport> Answers,
    int? TeamId = null)
{
    public static LearnerReport Of(GameSession session, Seat seat, int rank)
    {
        var answers = session.Rounds.Where(r => r.Closed).Select(r =>
        {
            r.Answers.TryGetValue(seat.Id, out var a);
            return new LearnerAnswerReport(r.QuestionIndex, a is not null, a?.Correct ?? false, a?.Credit ?? 0, a?.Points ?? 0, a?.ElapsedMs, a?.Answer);
        }).ToList();
        return new LearnerReport(seat.Id, seat.Nickname, rank, seat.Score, seat.CorrectCount, answers.Count(a => a.Answered),
            answers.Sum(a => a.TimeMs ?? 0), answers, seat.TeamId);
    }
}

/// <summary>One answer in a learner's report.</summary>
public sealed record LearnerAnswerReport(int QuestionIndex, bool Answered, bool Correct, double Credit, int Points, long? TimeMs, Answer? Answer);

/// <summary>One team's results: rank, score, rounds won, its current members, and its result in every played round.</summary>
public sealed record TeamReport(
    int TeamId,
    string Name,
    int Rank,
    int Score,
    int RoundsWon,
    IReadOnlyList<string> Members,
    IReadOnlyList<TeamRoundReport> Rounds)
{
    public static TeamReport Of(GameSession session, Teams.Team team, int rank) => new(
        team.Id,
        team.Name,
        rank,
        team.Score,
        team.CorrectCount,
        session.Members(team.Id).Select(m => m.Nickname).ToList(),
        session.Rounds.Where(r => r.Closed && r.TeamResults is not null)
            .Select(r => r.TeamResults!.FirstOrDefault(t => t.TeamId == team.Id) is { } t
                ? new TeamRoundReport(r.QuestionIndex, r.Consensus, t.Votes, t.Members, t.Correct, t.Points, t.Answer)
                : null)
            .OfType<TeamRoundReport>().ToList());
}

/// <summary>A team in one round: votes (consensus) or answers given, members then, whether it won the round, its points.</summary>
public sealed record TeamRoundReport(int QuestionIndex, bool Consensus, int Answered, int Members, bool Correct, int Points, Answer? Answer);
