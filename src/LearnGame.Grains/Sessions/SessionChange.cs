using LearnGame.Domain.Sessions;
using LearnGame.Grains.Abstractions.Sessions;

namespace LearnGame.Grains.Sessions;

public enum SessionChangeKind { Join, Answer, Command, Tick, RevealNow, ChooseTeam }

/// <summary>
/// A change stored in the session's journal instead of a write of the whole session. Seats and answers are kept as the
/// game recorded them; the other changes as the rules were given them (a trainer's command, a deadline's tick, a
/// close because everyone answered), with the time they were given, so that the rules replay them to the same state.
/// Replayed in order over the last checkpoint when the session is activated again.
/// </summary>
public sealed class SessionChange
{
    public SessionChangeKind Kind { get; set; }

    /// <summary>The number of the last event announced when the change was made, so that numbers never go back after a reload.</summary>
    public long Sequence { get; set; }

    /// <summary>The time the rules were given (commands, ticks and closes).</summary>
    public DateTimeOffset At { get; set; }

    public Seat? Joined { get; set; }
    public int SeatId { get; set; }
    public int QuestionIndex { get; set; }
    public SubmittedAnswer? Answer { get; set; }
    public int TeamId { get; set; }
    public HostCommand? Command { get; set; }

    // Seats and answers are copied as they are given: the game goes on changing its own (scores, points), and the
    // journal's chunks are written again with later entries, so they must hold the change, not the object.
    public static SessionChange Join(Seat seat, long sequence) => new() { Kind = SessionChangeKind.Join, Joined = seat.Copy(), SeatId = seat.Id, Sequence = sequence };

    public static SessionChange Answered(int seatId, int questionIndex, SubmittedAnswer answer, long sequence) =>
        new() { Kind = SessionChangeKind.Answer, SeatId = seatId, QuestionIndex = questionIndex, Answer = answer.Copy(), Sequence = sequence };

    public static SessionChange Host(HostCommand command, DateTimeOffset at, long sequence) =>
        new() { Kind = SessionChangeKind.Command, Command = command, At = at, Sequence = sequence };

    public static SessionChange Ticked(DateTimeOffset at, long sequence) => new() { Kind = SessionChangeKind.Tick, At = at, Sequence = sequence };

    public static SessionChange RevealedNow(DateTimeOffset at, long sequence) => new() { Kind = SessionChangeKind.RevealNow, At = at, Sequence = sequence };

    public static SessionChange TeamChosen(int seatId, int teamId, long sequence) =>
        new() { Kind = SessionChangeKind.ChooseTeam, SeatId = seatId, TeamId = teamId, Sequence = sequence };

    /// <summary>Applies the change to the game; false when it does not fit (it is then left out, and logged).</summary>
    public bool ApplyTo(GameSession game) => Kind switch
    {
        SessionChangeKind.Join => Joined is { } seat && game.RestoreSeat(seat),
        SessionChangeKind.Answer => Answer is { } answer && game.RestoreAnswer(SeatId, QuestionIndex, answer),
        SessionChangeKind.Command => Command is { } command && SessionCommands.Apply(game, command, At) is null,
        SessionChangeKind.Tick => game.Tick(At),
        SessionChangeKind.RevealNow => game.RevealNow(At) is null,
        SessionChangeKind.ChooseTeam => game.ChooseTeam(SeatId, TeamId) is null,
        _ => false,
    };
}

/// <summary>A trainer's command given to the rules: the same call live and when the journal is replayed.</summary>
public static class SessionCommands
{
    public static GameError? Apply(GameSession game, HostCommand command, DateTimeOffset now) => command switch
    {
        StartCommand => game.Start(now),
        KickCommand kick => game.Kick(kick.SeatId),
        LockCommand => game.SetLocked(true),
        UnlockCommand => game.SetLocked(false),
        PauseCommand => game.Pause(now),
        ResumeCommand => game.Resume(now),
        RevealCommand => game.RevealNow(now),
        SkipCommand => game.Skip(now),
        NextCommand => game.Next(now),
        EndCommand => game.End(now),
        MoveToTeamCommand move => game.MoveToTeam(move.SeatId, move.TeamId),
        RenameTeamCommand rename => game.RenameTeam(rename.TeamId, rename.Name),
        SetExtraTimeCommand extra => game.SetExtraTime(extra.SeatId, extra.Percent, extra.Seconds),
        _ => new GameError("unknown-action", "Unknown action."),
    };
}
