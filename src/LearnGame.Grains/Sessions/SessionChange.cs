using System.Text.Json.Serialization;
using LearnGame.Domain.Sessions;
using LearnGame.Grains.Abstractions.Sessions;

namespace LearnGame.Grains.Sessions;

/// <summary>
/// A change stored in the session's journal instead of a write of the whole session. Seats and answers are kept as the
/// game recorded them; the other changes as the rules were given them (a trainer's command, a deadline's tick, a
/// close because everyone answered), with the time they were given, so that the rules replay them to the same state.
/// Replayed in order over the last checkpoint when the session is activated again.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(JoinedChange), "join")]
[JsonDerivedType(typeof(AnsweredChange), "answer")]
[JsonDerivedType(typeof(CommandedChange), "command")]
[JsonDerivedType(typeof(TickedChange), "tick")]
[JsonDerivedType(typeof(RevealedNowChange), "revealNow")]
[JsonDerivedType(typeof(TeamChosenChange), "chooseTeam")]
public abstract record SessionChange
{
    /// <summary>The number of the last event announced when the change was made, so that numbers never go back after a reload.</summary>
    public long Sequence { get; init; }

    /// <summary>The seat the change is about, for the log; 0 when it is about the whole game.</summary>
    [JsonIgnore] public virtual int SeatId => 0;

    /// <summary>Applies the change to the game; false when it does not fit (it is then left out, and logged).</summary>
    public abstract bool ApplyTo(GameSession game);

    // Seats and answers are copied as they are given: the game goes on changing its own (scores, points), and the
    // journal's chunks are written again with later entries, so they must hold the change, not the object.
    public static SessionChange Join(Seat seat, long sequence) => new JoinedChange(seat.Copy()) { Sequence = sequence };

    public static SessionChange Answered(int seatId, int questionIndex, SubmittedAnswer answer, long sequence) =>
        new AnsweredChange(seatId, questionIndex, answer.Copy()) { Sequence = sequence };

    public static SessionChange Host(HostCommand command, DateTimeOffset at, long sequence) => new CommandedChange(command, at) { Sequence = sequence };

    public static SessionChange Ticked(DateTimeOffset at, long sequence) => new TickedChange(at) { Sequence = sequence };

    public static SessionChange RevealedNow(DateTimeOffset at, long sequence) => new RevealedNowChange(at) { Sequence = sequence };

    public static SessionChange TeamChosen(int seatId, int teamId, long sequence) => new TeamChosenChange(seatId, teamId) { Sequence = sequence };
}

/// <summary>A learner took a seat: the seat as the game recorded it.</summary>
public sealed record JoinedChange(Seat Seat) : SessionChange
{
    [JsonIgnore] public override int SeatId => Seat.Id;

    public override bool ApplyTo(GameSession game) => game.RestoreSeat(Seat);
}

/// <summary>A learner's answer to a question, as the game recorded it.</summary>
public sealed record AnsweredChange(int SeatId, int QuestionIndex, SubmittedAnswer Answer) : SessionChange
{
    public override int SeatId { get; } = SeatId;

    public override bool ApplyTo(GameSession game) => game.RestoreAnswer(SeatId, QuestionIndex, Answer);
}

/// <summary>A trainer's command, given to the rules at <paramref name="At"/>.</summary>
public sealed record CommandedChange(HostCommand Command, DateTimeOffset At) : SessionChange
{
    public override bool ApplyTo(GameSession game) => SessionCommands.Apply(game, Command, At) is null;
}

/// <summary>A deadline's check that changed the game at <paramref name="At"/>.</summary>
public sealed record TickedChange(DateTimeOffset At) : SessionChange
{
    public override bool ApplyTo(GameSession game) => game.Tick(At);
}

/// <summary>The question closed at <paramref name="At"/> because everyone had answered.</summary>
public sealed record RevealedNowChange(DateTimeOffset At) : SessionChange
{
    public override bool ApplyTo(GameSession game) => game.RevealNow(At) is null;
}

/// <summary>A learner chose its team.</summary>
public sealed record TeamChosenChange(int SeatId, int TeamId) : SessionChange
{
    public override int SeatId { get; } = SeatId;

    public override bool ApplyTo(GameSession game) => game.ChooseTeam(SeatId, TeamId) is null;
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
