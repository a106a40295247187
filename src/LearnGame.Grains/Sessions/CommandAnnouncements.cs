using LearnGame.Domain.Sessions;
using LearnGame.Domain.Sessions.Views;
using LearnGame.Grains.Abstractions.Sessions;

namespace LearnGame.Grains.Sessions;

/// <summary>What a trainer's command, once the rules have applied it, announces: its events in order, and the counts it changed.</summary>
public static class CommandAnnouncements
{
    public static (IReadOnlyList<Announcement> Events, PulseCounts Changed) Of(HostCommand command, GameSession game, DateTimeOffset now) => command switch
    {
        KickCommand kick => ([Announcement.ToSeats(SessionEvents.Kicked, new Dictionary<int, object> { [kick.SeatId] = new KickedPayload("kicked") })], PulseCounts.Lobby),
        LockCommand or UnlockCommand or RenameTeamCommand or SetExtraTimeCommand => ([], PulseCounts.Lobby),
        MoveToTeamCommand move => ([SessionAnnouncements.Standings(game, game.SeatById(move.SeatId) is { } moved ? [moved] : [])], PulseCounts.Lobby),
        PauseCommand => ([new(SessionEvents.Paused, new PausedPayload(game.CurrentRound!.QuestionIndex, (long)game.CurrentRound.Remaining(now).TotalMilliseconds))], PulseCounts.None),
        ResumeCommand => ([SessionAnnouncements.Question(SessionEvents.Resumed, game, now)], PulseCounts.None),
        // Teams are complete at the start: the lobby list (with each learner's team) changes, and each learner is
        // told its team before the first question.
        StartCommand when game.IsTeamGame => ([SessionAnnouncements.Standings(game, game.ActiveSeats), .. SessionAnnouncements.PhaseEntered(game, now)], PulseCounts.Lobby),
        _ => (SessionAnnouncements.PhaseEntered(game, now), PulseCounts.None),
    };
}
