using LearnGame.Domain.Sessions;

namespace LearnGame.Domain.Learners;

/// <summary>What a finished game reports to the profiles of its learners.</summary>
public static class SessionOutcomes
{
    /// <summary>True once the game has reached its podium (or ended): the results are final.</summary>
    public static bool AreFinal(GameSession game) => game.Phase is SessionPhase.Podium or SessionPhase.Ended;

    /// <summary>Each profiled seat (joined with a learner token, not kicked) and its outcome; nothing before the results are final.</summary>
    public static IEnumerable<(Guid LearnerId, SessionOutcome Outcome)> Of(GameSession game, DateTimeOffset finishedAt)
    {
        if (!AreFinal(game)) yield break;
        var ranking = game.Ranking();
        var count = ranking.Count;
        for (var i = 0; i < ranking.Count; i++)
        {
            var seat = ranking[i];
            if (seat.LearnerId is not { } learnerId) continue;
            yield return (learnerId, Of(game, seat, i + 1, count, game.EndedAt ?? finishedAt));
        }
    }

    public static SessionOutcome Of(GameSession game, Seat seat, int rank, int learnerCount, DateTimeOffset finishedAt)
    {
        var questions = game.Rounds.Where(r => r.Closed && !r.Skipped).Select(r =>
        {
            var graded = game.Quiz.Questions[r.QuestionIndex].IsGraded;
            return r.Answers.TryGetValue(seat.Id, out var answer)
                ? new QuestionOutcome(r.QuestionIndex, true, graded, graded && answer.Correct, answer.Points)
                : new QuestionOutcome(r.QuestionIndex, false, graded, false, 0);
        }).ToList();
        return new SessionOutcome(game.Id, game.Quiz.Title, finishedAt, seat.Nickname, seat.Score, rank, learnerCount,
            seat.BestStreak, game.IsTeamGame, questions);
    }
}
