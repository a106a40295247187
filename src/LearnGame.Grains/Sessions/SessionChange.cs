using LearnGame.Domain.Sessions;

namespace LearnGame.Grains.Sessions;

/// <summary>
/// A change stored in the session's journal instead of a write of the whole session: a seat given, or an answer
/// accepted, exactly as the game recorded it. Replayed over the last checkpoint when the session is activated again.
/// </summary>
public sealed class SessionChange
{
    /// <summary>The number of the last event announced when the change was made, so that numbers never go back after a reload.</summary>
    public long Sequence { get; set; }

    public Seat? Joined { get; set; }

    public int SeatId { get; set; }
    public int QuestionIndex { get; set; }
    public SubmittedAnswer? Answer { get; set; }

    public static SessionChange Join(Seat seat, long sequence) => new() { Joined = seat, SeatId = seat.Id, Sequence = sequence };

    public static SessionChange Answered(int seatId, int questionIndex, SubmittedAnswer answer, long sequence) =>
        new() { SeatId = seatId, QuestionIndex = questionIndex, Answer = answer, Sequence = sequence };

    /// <summary>Applies the change to the game; false when it does not fit (it is then left out, and logged).</summary>
    public bool ApplyTo(GameSession game) =>
        Joined is { } seat ? game.RestoreSeat(seat) : Answer is { } answer && game.RestoreAnswer(SeatId, QuestionIndex, answer);
}
