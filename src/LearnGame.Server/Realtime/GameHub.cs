using LearnGame.Domain.Learners;
using LearnGame.Domain.Questions;
using LearnGame.Domain.Sessions;
using LearnGame.Grains.Abstractions.Diagnostics;
using LearnGame.Grains.Abstractions.JoinCodes;
using LearnGame.Grains.Abstractions.Learners;
using LearnGame.Grains.Abstractions.Sessions;
using Microsoft.AspNetCore.SignalR;

namespace LearnGame.Server.Realtime;

/// <summary>
/// The real-time entry point for learners, trainers and projectors (contract: docs/protocol.md).
/// Thin: it knows who a connection is (set by Join, Rejoin or Host, never by a method argument) and
/// forwards to the session grain. Every method answers its caller with a result: an unexpected exception becomes
/// <c>unavailable</c> in <see cref="UnavailableFilter"/>, so nothing here throws to clients.
/// </summary>
public sealed partial class GameHub(IGrainFactory grains, LocalConnections connections, SessionRelay relay, TimeProvider time, ILogger<GameHub> log) : Hub
{
    public const string Path = "/hubs/game";
    private const string RoleKey = "learngame.role";

    public static string SessionGroup(Guid sessionId) => $"s:{sessionId:N}";
    public static string HostGroup(Guid sessionId) => $"h:{sessionId:N}";

    // ----- Learners -----

    public async Task<JoinResult> Join(string? code, string? nickname)
    {
        var sessionId = JoinCode.IsWellFormed(code) ? await grains.GetGrain<IJoinCodeGrain>(code!).Resolve() : null;
        if (sessionId is not { } id) return JoinResult.Fail(SessionErrors.NotFound);
        var result = await grains.GetGrain<ISessionGrain>(id).Join(nickname ?? "");
        if (result.Ok) await BecomeLearner(id, result.SeatId);
        return result;
    }

    /// <summary>Join with a learner token: the seat's results go to that learner's profile when the game ends.</summary>
    public async Task<JoinResult> JoinWithProfile(string? code, string? nickname, string? learnerToken)
    {
        if (!LearnerToken.IsWellFormed(learnerToken)) return JoinResult.Fail(HubErrors.LearnerTokenInvalid);
        var sessionId = JoinCode.IsWellFormed(code) ? await grains.GetGrain<IJoinCodeGrain>(code!).Resolve() : null;
        if (sessionId is not { } id) return JoinResult.Fail(SessionErrors.NotFound);
        var learnerId = LearnerToken.IdOf(learnerToken!);
        // Remembered before the seat exists, so that an erasure always reaches this session.
        if (!await grains.GetGrain<ILearnerGrain>(learnerId).Attend(id)) return JoinResult.Fail(HubErrors.LearnerNotFound);
        var result = await grains.GetGrain<ISessionGrain>(id).JoinWithProfile(nickname ?? "", learnerId);
        if (result.Ok) await BecomeLearner(id, result.SeatId);
        return result;
    }

    public async Task<JoinResult> Rejoin(Guid sessionId, string? seatToken)
    {
        if (string.IsNullOrEmpty(seatToken)) return JoinResult.Fail(SessionErrors.SeatNotFound);
        var result = await grains.GetGrain<ISessionGrain>(sessionId).Rejoin(seatToken);
        if (result.Ok) await BecomeLearner(sessionId, result.SeatId);
        return result;
    }

    public async Task<AnswerAck> Answer(int questionIndex, string? answerId, Answer? answer)
    {
        var receivedAt = time.GetUtcNow();
        if (Role is not LearnerRole learner) return AnswerAck.Fail(HubErrors.NotJoined, questionIndex);
        return await grains.GetGrain<ISessionGrain>(learner.SessionId)
            .SubmitAnswer(learner.SeatId, questionIndex, answerId ?? "", answer ?? new Answer(), receivedAt);
    }

    /// <summary>In the lobby of a session where learners choose their team.</summary>
    public async Task<ActionResult> ChooseTeam(int teamId)
    {
        if (Role is not LearnerRole learner) return ActionResult.Fail(HubErrors.NotJoined);
        return await grains.GetGrain<ISessionGrain>(learner.SessionId).ChooseTeam(learner.SeatId, teamId);
    }

    // ----- Trainer -----

    public async Task<HostResult> Host(Guid sessionId, string? hostToken)
    {
        if (string.IsNullOrEmpty(hostToken)) return HostResult.Fail(SessionErrors.Forbidden);
        var result = await grains.GetGrain<ISessionGrain>(sessionId).Host(hostToken);
        if (!result.Ok) return result;
        await Leave();
        Context.Items[RoleKey] = new HostRole(sessionId, hostToken);
        connections.AddHost(sessionId, Context.ConnectionId);
        await Groups.AddToGroupAsync(Context.ConnectionId, SessionGroup(sessionId));
        await Groups.AddToGroupAsync(Context.ConnectionId, HostGroup(sessionId));
        await relay.SubscribeTo(sessionId);
        return result;
    }

    public Task<ActionResult> Start() => Control(new StartCommand());
    public Task<ActionResult> Kick(int seatId) => Control(new KickCommand(seatId));
    public Task<ActionResult> Lock() => Control(new LockCommand());
    public Task<ActionResult> Unlock() => Control(new UnlockCommand());
    public Task<ActionResult> Pause() => Control(new PauseCommand());
    public Task<ActionResult> Resume() => Control(new ResumeCommand());
    public Task<ActionResult> Reveal() => Control(new RevealCommand());
    public Task<ActionResult> Skip() => Control(new SkipCommand());
    public Task<ActionResult> Next() => Control(new NextCommand());
    public Task<ActionResult> End() => Control(new EndCommand());
    public Task<ActionResult> MoveToTeam(int seatId, int teamId) => Control(new MoveToTeamCommand(seatId, teamId));
    public Task<ActionResult> RenameTeam(int teamId, string? name) => Control(new RenameTeamCommand(teamId, name));

    /// <summary>Grants a learner extra time on each question from the next one (0 and 0 remove it).</summary>
    public Task<ActionResult> SetExtraTime(int seatId, int percent, int seconds) =>
        Control(new SetExtraTimeCommand(seatId, percent, seconds));

    private async Task<ActionResult> Control(HostCommand command)
    {
        // A learner's connection has no host token: the grain is never asked, nothing changes.
        if (Role is not HostRole host) return ActionResult.Fail(SessionErrors.Forbidden);
        return await grains.GetGrain<ISessionGrain>(host.SessionId).Control(host.HostToken, command);
    }

    // ----- Connection life -----

    public override Task OnConnectedAsync()
    {
        GameMetrics.ConnectionOpened();
        return base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        GameMetrics.ConnectionClosed();
        try
        {
            await Leave();
        }
        catch (Exception e)
        {
            LogLeaveFailed(log, e, Context.ConnectionId);
        }
        await base.OnDisconnectedAsync(exception);
    }

    private object? Role => Context.Items.TryGetValue(RoleKey, out var role) ? role : null;

    private async Task BecomeLearner(Guid sessionId, int seatId)
    {
        await Leave();
        Context.Items[RoleKey] = new LearnerRole(sessionId, seatId);
        connections.AddSeat(sessionId, seatId, Context.ConnectionId);
        await Groups.AddToGroupAsync(Context.ConnectionId, SessionGroup(sessionId));
        await relay.SubscribeTo(sessionId);
        await grains.GetGrain<ISessionGrain>(sessionId).SeatConnected(seatId);
    }

    /// <summary>Forgets this connection's previous role, if any (a connection plays one role at a time).</summary>
    private async Task Leave()
    {
        switch (Role)
        {
            case LearnerRole learner:
                Context.Items.Remove(RoleKey);
                connections.RemoveSeat(learner.SessionId, learner.SeatId, Context.ConnectionId);
                await Groups.RemoveFromGroupAsync(Context.ConnectionId, SessionGroup(learner.SessionId));
                await grains.GetGrain<ISessionGrain>(learner.SessionId).SeatDisconnected(learner.SeatId);
                break;
            case HostRole host:
                Context.Items.Remove(RoleKey);
                connections.RemoveHost(host.SessionId, Context.ConnectionId);
                await Groups.RemoveFromGroupAsync(Context.ConnectionId, SessionGroup(host.SessionId));
                await Groups.RemoveFromGroupAsync(Context.ConnectionId, HostGroup(host.SessionId));
                break;
        }
    }

    private sealed record LearnerRole(Guid SessionId, int SeatId);

    /// <summary>Kept in the connection's memory only; never sent or logged.</summary>
    private sealed record HostRole(Guid SessionId, string HostToken)
    {
        public override string ToString() => $"HostRole {{ SessionId = {SessionId} }}";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not release connection {ConnectionId}")]
    private static partial void LogLeaveFailed(ILogger log, Exception e, string connectionId);
}

/// <summary>Errors decided at the hub, before any grain is asked.</summary>
public static class HubErrors
{
    public static readonly Domain.Sessions.GameError NotJoined = new("not-joined", "Join a session before answering.");
    public static readonly Domain.Sessions.GameError Unavailable = new("unavailable", "The server could not complete this request; try again.");
    public static readonly Domain.Sessions.GameError LearnerTokenInvalid = new("learner-token-invalid", "A learner token is 32 to 128 letters, digits, '-' or '_' (create one with POST /api/learners).");
    public static readonly Domain.Sessions.GameError LearnerNotFound = new("learner-not-found", "No learner profile for this token (never created, or erased).");
}
