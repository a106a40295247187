using LearnGame.Domain.Sessions;

namespace LearnGame.Grains.Abstractions.Sessions;

/// <summary>Errors raised at the grain's edge rather than by the game rules.</summary>
public static class SessionErrors
{
    /// <summary>One generic answer for unknown, ended or mistyped codes: no hint whether a code exists.</summary>
    public static readonly GameError NotFound = new("session-not-found", "No live session has this code.");
    public static readonly GameError SeatNotFound = new("seat-not-found", "This seat token does not open a seat in this session.");
    public static readonly GameError Forbidden = new("forbidden", "Only the trainer of this session can do this.");
    public static readonly GameError Retry = new("storage-unavailable", "The answer could not be saved yet; retry with the same answer id.");
    public static readonly GameError StorageRetrying = new("storage-unavailable", "The session cannot save changes right now and keeps retrying; try again in a moment.");
}
