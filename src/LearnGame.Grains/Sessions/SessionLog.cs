using LearnGame.Domain.Sessions;
using LearnGame.Grains.Abstractions.Sessions;
using Microsoft.Extensions.Logging;

namespace LearnGame.Grains.Sessions;

/// <summary>What the session grain logs: session ids, phases and counts, never a token or a nickname.</summary>
internal static partial class SessionLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} created with {Questions} questions")]
    public static partial void Created(ILogger log, Guid sessionId, int questions);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId}: {Action}, now {Phase}")]
    public static partial void Action(ILogger log, Guid sessionId, HostAction action, SessionPhase phase);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: could not persist; the caller is asked to retry")]
    public static partial void WriteFailed(ILogger log, Exception e, Guid sessionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: storage is failing; changes are kept in memory and written again until it is back")]
    public static partial void StorageRetrying(ILogger log, Guid sessionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId}: retention period over; personal data purged, aggregates kept")]
    public static partial void Purged(ILogger log, Guid sessionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: could not arm the retention reminder")]
    public static partial void ReminderFailed(ILogger log, Exception e, Guid sessionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId}: storage is back; waiting changes are stored")]
    public static partial void StorageBack(ILogger log, Guid sessionId);
}
