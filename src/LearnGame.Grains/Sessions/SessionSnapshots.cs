using LearnGame.Domain.Challenges;
using LearnGame.Domain.Quizzes;
using LearnGame.Domain.Sessions;
using LearnGame.Domain.Sessions.Views;
using LearnGame.Grains.Abstractions.Sessions;

namespace LearnGame.Grains.Sessions;

/// <summary>What the session grain knows beside the game when it shows a snapshot.</summary>
/// <param name="Connected">Whether a seat has a live connection now.</param>
/// <param name="Now">The server's time the snapshot is taken at.</param>
/// <param name="DurableSequence">The last event whose change is stored: a client resumes the event stream after it.</param>
/// <param name="StorageRetrying">True while storage fails and changes wait in memory.</param>
/// <param name="Challenge">The shared challenge's latest view, if the session contributes to one.</param>
public sealed record SnapshotContext(Func<int, bool> Connected, DateTimeOffset Now, long DurableSequence, bool StorageRetrying, ChallengeView? Challenge);

/// <summary>Builds the snapshot a learner (its seat) or a trainer or projector (no seat) sees on joining or reconnecting.</summary>
public static class SessionSnapshots
{
    /// <summary>The game as <paramref name="seat"/> sees it, or as trainers and projectors do when it is null.</summary>
    public static SessionSnapshot Of(GameSession game, Seat? seat, SnapshotContext context)
    {
        var now = context.Now;
        var round = game.CurrentRound;
        // In the lobby nobody is ranked yet; skipping the sort keeps each join cheap.
        var ranks = game.Phase == SessionPhase.Lobby ? new Dictionary<int, int>() : SessionViews.Ranks(game);
        SeatView? you = null;
        if (seat is not null)
        {
            var own = SessionViews.OwnAnswer(game, seat.Id);
            var result = game.Phase is SessionPhase.Reveal or SessionPhase.Leaderboard && SessionViews.Results(game, ranks).TryGetValue(seat.Id, out var r) ? r : null;
            var votes = game.Phase == SessionPhase.QuestionOpen && seat.TeamId is { } team ? SessionViews.TeamVotes(game, team) : null;
            you = new SeatView(seat.Id, seat.Nickname, SessionViews.Standing(game, seat, ranks), own?.Answer, own?.AnswerId, result, votes, seat.ExtraTime);
        }
        // A learner sees its own deadline (later with extra time); trainers and projectors the common one.
        var remaining = (seat is null ? round?.Remaining(now) : round?.RemainingFor(seat.Id, now)) ?? TimeSpan.Zero;
        var last = game.Phase == SessionPhase.QuestionOpen && round?.ExtraTime is { } extra
            ? now + round.RemainingFor(extra.MaxBy(e => e.Value).Key, now) : (DateTimeOffset?)null;
        return new SessionSnapshot
        {
            SessionId = game.Id,
            JoinCode = game.JoinCode,
            Title = game.Quiz.Title,
            Language = game.Quiz.Language == QuizLanguage.Fr ? "fr" : "en",
            Phase = game.Phase,
            QuestionCount = game.QuestionCount,
            Locked = game.Locked,
            Options = game.Options,
            Learners = seat is null ? SessionAnnouncements.Learners(game, context.Connected) : [],
            LearnerCount = game.ActiveSeats.Count(),
            Question = SessionViews.Question(game),
            Deadline = game.Phase == SessionPhase.QuestionOpen ? now + remaining : null,
            ServerNow = now,
            RemainingMs = game.Phase == SessionPhase.QuestionOpen ? (long)remaining.TotalMilliseconds : 0,
            Paused = round?.Paused ?? false,
            AnsweredCount = round?.Answers.Count ?? 0,
            Reveal = game.Phase == SessionPhase.Reveal ? SessionViews.Reveal(game) : null,
            Leaderboard = game.Phase is SessionPhase.Leaderboard or SessionPhase.Podium or SessionPhase.Ended ? SessionViews.Leaderboard(game) : null,
            You = you,
            Sequence = context.DurableSequence,
            Teams = SessionViews.Teams(game),
            DiscussionDeadline = game.Phase == SessionPhase.Discussion ? round?.DiscussionDeadline : null,
            StorageRetrying = context.StorageRetrying,
            LastDeadline = last,
            Challenge = context.Challenge,
        };
    }
}
