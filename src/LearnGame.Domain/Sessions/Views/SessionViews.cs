using LearnGame.Domain.Questions;
using LearnGame.Domain.Scoring;

namespace LearnGame.Domain.Sessions.Views;

/// <summary>Builds what clients are shown from a session's state; pure reads, no changes.</summary>
public static class SessionViews
{
    public const int LeaderboardSize = 10;
    public const int PodiumSize = 3;

    public static QuestionView? Question(GameSession session)
    {
        if (session.CurrentRound is not { } round) return null;
        var view = QuestionView.Of(session.Quiz.Questions[round.QuestionIndex], round.QuestionIndex, session.QuestionCount, ShuffleSeed(session, round.QuestionIndex));
        return view with { Collaborative = round.Consensus, Stage = round.Stage };
    }

    /// <summary>Same shuffle for everyone in a round, different between sessions and questions.</summary>
    public static int ShuffleSeed(GameSession session, int questionIndex) => session.ShuffleSeed(questionIndex);

    public static RevealView? Reveal(GameSession session)
    {
        if (session.CurrentRound is not { Closed: true } round) return null;
        var question = session.Quiz.Questions[round.QuestionIndex];
        // A learner kicked during the round no longer counts anywhere.
        var answersBySeat = round.Answers.Where(a => session.SeatById(a.Key) is not null).ToList();
        var answers = answersBySeat.Select(a => a.Value).ToList();
        var distribution = Distribution(question, answers);
        // Peer instruction: the first votes, and how many learners moved closer to the right answer at the second.
        var first = round.FirstAnswers?.Where(a => session.SeatById(a.Key) is not null).ToDictionary(a => a.Key, a => a.Value);
        return new RevealView(
            round.QuestionIndex,
            question.ExpectedAsShown(session.ShuffleSeed(round.QuestionIndex)),
            question.AcceptedAnswers(),
            question.FullCreditTolerance(),
            distribution,
            answers.Count,
            answers.Count(a => a.Correct),
            session.ActiveSeats.Count(),
            question.Explanation,
            round.Skipped,
            TeamResults(session, round),
            first is null ? null : Distribution(question, first.Values),
            first?.Values.Count(a => ScoringRules.IsCorrect(a.Credit)),
            first is null ? null : answersBySeat.Count(a => first.TryGetValue(a.Key, out var before) && a.Value.Credit > before.Credit));
    }

    private static SortedDictionary<string, int> Distribution(Question question, IEnumerable<SubmittedAnswer> answers)
    {
        var distribution = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var answer in answers)
            foreach (var key in question.DistributionKeys(answer.Answer))
                distribution[key] = distribution.GetValueOrDefault(key) + 1;
        return distribution;
    }

    /// <summary>Every team's result for a closed round, with its standing after it; null outside team sessions.</summary>
    public static IReadOnlyList<TeamResultView>? TeamResults(GameSession session, Round round)
    {
        if (round.TeamResults is not { } results) return null;
        var ranks = TeamRanks(session);
        return results.Select(r => session.TeamById(r.TeamId) is { } t
            ? new TeamResultView(t.Id, t.Name, t.Colour, r.Answer, r.Votes, r.Members, r.Correct, r.Points, t.Score, ranks.GetValueOrDefault(t.Id))
            : null).OfType<TeamResultView>().ToList();
    }

    public static IReadOnlyDictionary<int, int> TeamRanks(GameSession session) =>
        session.TeamRanking().Select((t, i) => (t.Id, Rank: i + 1)).ToDictionary(x => x.Id, x => x.Rank);

    /// <summary>Every team in rank order (a class has few teams: all are shown); null outside team sessions.</summary>
    public static IReadOnlyList<TeamEntry>? TeamBoard(GameSession session) =>
        session.Teams.Count == 0
            ? null
            : session.TeamRanking().Select((t, i) => new TeamEntry(i + 1, t.Id, t.Name, t.Colour, t.Score, t.CorrectCount, session.Members(t.Id).Count())).ToList();

    public static IReadOnlyList<TeamView> Teams(GameSession session) =>
        session.Teams.Select(t => new TeamView(t.Id, t.Name, t.Colour, session.Members(t.Id).Count())).ToList();

    /// <summary>The votes of a team in the open consensus round, for its members.</summary>
    public static TeamVotesView? TeamVotes(GameSession session, int teamId) =>
        session.CurrentRound is { Consensus: true } round
            ? new TeamVotesView(round.QuestionIndex, teamId, session.Members(teamId)
                .Select(m => new MemberVote(m.Id, m.Nickname, round.Answers.TryGetValue(m.Id, out var v) ? v.Answer : null)).ToList())
            : null;

    public static LeaderboardView Leaderboard(GameSession session, int size = LeaderboardSize)
    {
        var ranking = session.Ranking();
        return new LeaderboardView(ranking.Take(size).Select((s, i) => new LeaderboardEntry(i + 1, s.Id, s.Nickname, s.Score, s.CorrectCount)).ToArray(), ranking.Count,
            TeamBoard(session));
    }

    /// <summary>Rank (1-based) of every active seat.</summary>
    public static IReadOnlyDictionary<int, int> Ranks(GameSession session) =>
        session.Ranking().Select((s, i) => (s.Id, Rank: i + 1)).ToDictionary(x => x.Id, x => x.Rank);

    public static Standing Standing(GameSession session, Seat seat, IReadOnlyDictionary<int, int> ranks) =>
        new(seat.Id, ranks.GetValueOrDefault(seat.Id), seat.Score, seat.Streak, seat.CorrectCount, session.QuestionCount,
            seat.TeamId,
            seat.TeamId is { } team ? TeamRanks(session).GetValueOrDefault(team) : null,
            seat.TeamId is { } t ? session.TeamById(t)?.Score : null);

    /// <summary>Each learner's result for the closed question; learners who did not answer get a zero line.</summary>
    public static IReadOnlyDictionary<int, LearnerResult> Results(GameSession session, IReadOnlyDictionary<int, int> ranks)
    {
        var results = new Dictionary<int, LearnerResult>();
        if (session.CurrentRound is not { Closed: true } round) return results;
        var graded = session.Quiz.Questions[round.QuestionIndex].IsGraded && !round.Skipped;
        var count = ranks.Count;
        var teams = TeamResults(session, round)?.ToDictionary(t => t.TeamId);
        foreach (var seat in session.ActiveSeats)
        {
            round.Answers.TryGetValue(seat.Id, out var a);
            var team = seat.TeamId is { } id && teams is not null ? teams.GetValueOrDefault(id) : null;
            results[seat.Id] = new LearnerResult(round.QuestionIndex, a is not null, graded, a?.Correct ?? false, a?.Credit ?? 0,
                a?.Points ?? 0, seat.Streak, seat.Score, ranks.GetValueOrDefault(seat.Id), count,
                team, a?.OwnCredit is { } own ? ScoringRules.IsCorrect(own) : null);
        }
        return results;
    }

    /// <summary>The answer a learner already gave to the current question, for a reconnecting learner.</summary>
    public static SubmittedAnswer? OwnAnswer(GameSession session, int seatId) =>
        session.CurrentRound is { } round && round.Answers.TryGetValue(seatId, out var a) ? a : null;
}
