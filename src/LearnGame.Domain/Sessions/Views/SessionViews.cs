using LearnGame.Domain.Questions;

namespace LearnGame.Domain.Sessions.Views;

/// <summary>Builds what clients are shown from a session's state; pure reads, no changes.</summary>
public static class SessionViews
{
    public const int LeaderboardSize = 10;
    public const int PodiumSize = 3;

    public static QuestionView? Question(GameSession session) =>
        session.CurrentRound is { } round
            ? QuestionView.Of(session.Quiz.Questions[round.QuestionIndex], round.QuestionIndex, session.QuestionCount, ShuffleSeed(session, round.QuestionIndex))
            : null;

    /// <summary>Same shuffle for everyone in a round, different between sessions and questions.</summary>
    public static int ShuffleSeed(GameSession session, int questionIndex) => session.ShuffleSeed(questionIndex);

    public static RevealView? Reveal(GameSession session)
    {
        if (session.CurrentRound is not { Closed: true } round) return null;
        var question = session.Quiz.Questions[round.QuestionIndex];
        var distribution = new SortedDictionary<string, int>(StringComparer.Ordinal);
        // A learner kicked during the round no longer counts anywhere.
        var answers = round.Answers.Where(a => session.SeatById(a.Key) is not null).Select(a => a.Value).ToList();
        foreach (var answer in answers)
            foreach (var key in question.DistributionKeys(answer.Answer))
                distribution[key] = distribution.GetValueOrDefault(key) + 1;
        return new RevealView(
            round.QuestionIndex,
            question is OrderingQuestion ordering ? ordering.ExpectedInDisplay(session.ShuffleSeed(round.QuestionIndex)) : question.ExpectedAnswer(),
            (question as TypedAnswerQuestion)?.Accepted,
            (question as NumericQuestion)?.Tolerance,
            distribution,
            answers.Count,
            answers.Count(a => a.Correct),
            session.ActiveSeats.Count(),
            question.Explanation,
            round.Skipped);
    }

    public static LeaderboardView Leaderboard(GameSession session, int size = LeaderboardSize)
    {
        var ranking = session.Ranking();
        return new LeaderboardView(ranking.Take(size).Select((s, i) => new LeaderboardEntry(i + 1, s.Id, s.Nickname, s.Score, s.CorrectCount)).ToArray(), ranking.Count);
    }

    /// <summary>Rank (1-based) of every active seat.</summary>
    public static IReadOnlyDictionary<int, int> Ranks(GameSession session) =>
        session.Ranking().Select((s, i) => (s.Id, Rank: i + 1)).ToDictionary(x => x.Id, x => x.Rank);

    public static Standing Standing(GameSession session, Seat seat, IReadOnlyDictionary<int, int> ranks) =>
        new(seat.Id, ranks.GetValueOrDefault(seat.Id), seat.Score, seat.Streak, seat.CorrectCount, session.QuestionCount);

    /// <summary>Each learner's result for the closed question; learners who did not answer get a zero line.</summary>
    public static IReadOnlyDictionary<int, LearnerResult> Results(GameSession session, IReadOnlyDictionary<int, int> ranks)
    {
        var results = new Dictionary<int, LearnerResult>();
        if (session.CurrentRound is not { Closed: true } round) return results;
        var graded = session.Quiz.Questions[round.QuestionIndex].IsGraded && !round.Skipped;
        var count = ranks.Count;
        foreach (var seat in session.ActiveSeats)
        {
            round.Answers.TryGetValue(seat.Id, out var a);
            results[seat.Id] = new LearnerResult(round.QuestionIndex, a is not null, graded, a?.Correct ?? false, a?.Credit ?? 0,
                a?.Points ?? 0, seat.Streak, seat.Score, ranks.GetValueOrDefault(seat.Id), count);
        }
        return results;
    }

    /// <summary>The answer a learner already gave to the current question, for a reconnecting learner.</summary>
    public static SubmittedAnswer? OwnAnswer(GameSession session, int seatId) =>
        session.CurrentRound is { } round && round.Answers.TryGetValue(seatId, out var a) ? a : null;
}
