using LearnGame.Domain.Sessions;
using LearnGame.Domain.Sessions.Views;
using LearnGame.Grains.Abstractions.Sessions;

namespace LearnGame.Grains.Sessions;

/// <summary>
/// An event a session announces, not yet serialised: a payload for everyone, with for some seats a personal one under
/// <see cref="PersonalName"/>; or, with no payload, one personal event per seat (standings); or a payload for everyone
/// that carries each seat's own part inside it, as its property <see cref="InsideAs"/> (the reveal and each result).
/// </summary>
public sealed record Announcement(string Name, object? Payload, string? PersonalName = null, IReadOnlyDictionary<int, object>? Personal = null,
    string? InsideAs = null)
{
    /// <summary>
    /// True when the personal parts are serialised as the event leaves, after the events before it have gone: those of
    /// many seats (standings, results), which would otherwise hold back what is already durable.
    /// </summary>
    public bool PersonalAsItLeaves { get; init; }

    /// <summary>One event per seat, nothing for everyone, serialised as it leaves.</summary>
    public static Announcement PerSeat(string name, IReadOnlyDictionary<int, object> views) => new(name, null, name, views) { PersonalAsItLeaves = true };

    /// <summary>One event for a few seats only, nothing for everyone (a kick, a team's votes), serialised at once.</summary>
    public static Announcement ToSeats(string name, IReadOnlyDictionary<int, object> views) => new(name, null, name, views);

    /// <summary>One event for everyone; each seat's copy carries its own view as the property <paramref name="property"/>.</summary>
    public static Announcement WithOwn(string name, object payload, string property, IReadOnlyDictionary<int, object> views) =>
        new(name, payload, null, views, property) { PersonalAsItLeaves = true };
}

/// <summary>What a session announces, built from the game's views: the grain sends it, the warm-up only builds it.</summary>
public static class SessionAnnouncements
{
    /// <summary>The events of the phase the game has just entered.</summary>
    public static IReadOnlyList<Announcement> PhaseEntered(GameSession game, DateTimeOffset now)
    {
        switch (game.Phase)
        {
            case SessionPhase.QuestionOpen:
                return [Question(SessionEvents.Question, game, now)];
            case SessionPhase.Reveal:
                // One message per learner, not two: each result travels inside that learner's copy of the reveal.
                return SessionViews.Reveal(game) is { } reveal
                    ? [Announcement.WithOwn(SessionEvents.Reveal, reveal, SessionEvents.Result,
                        SessionViews.Results(game, SessionViews.Ranks(game)).ToDictionary(r => r.Key, r => (object)r.Value))]
                    : [];
            case SessionPhase.Discussion:
                var round = game.CurrentRound!;
                var end = round.DiscussionDeadline!.Value;
                var left = end > now ? end - now : TimeSpan.Zero;
                return [new(SessionEvents.Discussion, new DiscussionPayload(round.QuestionIndex, end, now, (long)left.TotalMilliseconds, round.Answers.Count))];
            // As the reveal its results, each learner's copy of the ranking carries its own standing.
            case SessionPhase.Leaderboard:
                return [Announcement.WithOwn(SessionEvents.Leaderboard, SessionViews.Leaderboard(game), SessionEvents.Standing, StandingViews(game, game.ActiveSeats))];
            case SessionPhase.Podium:
                var board = SessionViews.Leaderboard(game);
                return [Announcement.WithOwn(SessionEvents.Podium, new PodiumPayload(board.Top.Take(SessionViews.PodiumSize).ToArray(), board), SessionEvents.Standing,
                    StandingViews(game, game.ActiveSeats))];
            case SessionPhase.Ended:
                return [Announcement.WithOwn(SessionEvents.Ended, new EndedPayload(SessionViews.Leaderboard(game)), SessionEvents.Standing, StandingViews(game, game.ActiveSeats))];
            default:
                return [];
        }
    }

    /// <summary>The open question for everyone (as <paramref name="name"/>: asked or resumed), and to each learner with extra time its own deadline.</summary>
    public static Announcement Question(string name, GameSession game, DateTimeOffset now)
    {
        var round = game.CurrentRound!;
        var remaining = round.Remaining(now);
        var last = round.ExtraTime is null ? (DateTimeOffset?)null : now + round.RemainingFor(round.ExtraTime.MaxBy(e => e.Value).Key, now);
        var payload = new QuestionPayload(SessionViews.Question(game)!, now + remaining, now, (long)remaining.TotalMilliseconds, last);
        var personal = round.ExtraTime?.ToDictionary(e => e.Key, e =>
        {
            var own = round.RemainingFor(e.Key, now);
            return (object)new YourDeadlinePayload(round.QuestionIndex, now + own, now, (long)own.TotalMilliseconds, (long)e.Value.TotalMilliseconds);
        });
        return new(name, payload, personal is null ? null : SessionEvents.YourDeadline, personal);
    }

    /// <summary>The personal standing (with the team) of some seats, as events of their own (a team given or changed).</summary>
    public static Announcement Standings(GameSession game, IEnumerable<Seat> seats) => Announcement.PerSeat(SessionEvents.Standing, StandingViews(game, seats));

    private static Dictionary<int, object> StandingViews(GameSession game, IEnumerable<Seat> seats)
    {
        var ranks = SessionViews.Ranks(game);
        return seats.ToDictionary(s => s.Id, s => (object)SessionViews.Standing(game, s, ranks));
    }

    /// <summary>The lobby: every learner (whether connected now, its team, its extra time), or for learners' eyes only the count.</summary>
    public static LobbyPayload Lobby(GameSession game, Func<int, bool> connected, bool names = true) =>
        new(names ? Learners(game, connected) : [], game.ActiveSeats.Count(), game.Locked, game.IsTeamGame ? SessionViews.Teams(game) : null);

    /// <summary>Every active learner as the trainer's lobby list shows it.</summary>
    public static List<LobbyLearner> Learners(GameSession game, Func<int, bool> connected) =>
        game.ActiveSeats.Select(s => new LobbyLearner(s.Id, s.Nickname, connected(s.Id), s.TeamId, s.ExtraTime)).ToList();
}
