using LearnGame.Domain.Challenges;
using LearnGame.Domain.Questions;
using LearnGame.Domain.Quizzes;
using LearnGame.Domain.Reports;
using LearnGame.Domain.Sessions;
using LearnGame.Domain.Sessions.Views;
using LearnGame.Grains.Abstractions.Challenges;
using LearnGame.Grains.Abstractions.Diagnostics;
using LearnGame.Grains.Abstractions.JoinCodes;
using LearnGame.Grains.Abstractions.Learners;
using LearnGame.Grains.Abstractions.Sessions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Storage;

namespace LearnGame.Grains.Sessions;

/// <summary>
/// Hosts one live game. A coordinator: rules are in <see cref="GameSession"/>; it checks each call, journals the change
/// in its <see cref="ISessionStore"/>, queues its events in its <see cref="SessionOutbox"/> (sent only once durable),
/// runs the deadline timer and the retention reminder, and keeps its links in <see cref="SessionLinks"/>.
/// Reentrant so answers arriving during a write join the next write; every change happens synchronously
/// between awaits, so the single-threaded scheduler keeps it consistent.
/// </summary>
[Reentrant]
[CollectionAgeLimit(Hours = 6)]
[Orleans.Placement.PreferLocalPlacement] // on the silo where the trainer created it; after a crash, wherever it is next called
public sealed class SessionGrain : Grain, ISessionGrain, IRemindable
{
    /// <summary>The reminder that purges the session's personal data once its retention period is over.</summary>
    public const string RetentionReminder = "retention";

    // A reminder's first tick may be far off, but not beyond what a .NET timer can wait; later ticks come every CheckEvery.
    private static readonly TimeSpan LongestFirstWait = TimeSpan.FromDays(20);

    private readonly IPersistentState<SessionState> _state;
    private ISessionStore _store = null!;
    private readonly TimeProvider _time;
    private readonly ILogger<SessionGrain> _log;
    private readonly RetentionOptions _retention;
    private SessionLinks _links = null!;
    private RelayRegistry _relays = null!;
    private readonly Dictionary<int, int> _connections = [];
    private SessionOutbox _outbox = null!;
    private IGrainTimer? _deadlineTimer;

    public SessionGrain(
        [PersistentState("session", GrainStorage.Name)] IPersistentState<SessionState> state,
        TimeProvider time,
        IOptions<RetentionOptions> retention,
        ILogger<SessionGrain> log)
    {
        _state = state;
        _retention = retention.Value;
        _time = time;
        _log = log;
    }

    private GameSession? Game => _state.State.Game;
    private DateTimeOffset Now => _time.GetUtcNow();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var storage = ServiceProvider.GetRequiredKeyedService<IGrainStorage>(GrainStorage.Name);
        var store = new SessionStore(_state, storage, this.GetGrainId(), this.GetPrimaryKey(), StartTimer(keepAlive: false), _time,
            new SessionStoreEvents(OnStoredChanged, () => _links.ForwardDurable()), _log);
        await store.LoadAsync();
        _store = store;
        _relays = new RelayRegistry(GrainFactory, _state.State.Relays);
        _outbox = new SessionOutbox(new SessionOutboxHost(() => _state.State, () => _store.DurableSequence, _connections.ContainsKey, s => _links.NoteProgress(s)),
            _relays, StartTimer(keepAlive: false), _time, _log);
        ArmDeadline();
        _links = new SessionLinks(
            new SessionLinksHost(() => _state.State, () => _store.DurableSequence, () => TryCommit(), ShowChallenge, StartTimer(keepAlive: true)),
            id => GrainFactory.GetGrain<IChallengeGrain>(id), id => GrainFactory.GetGrain<ILearnerGrain>(id), _time, _log);
        _links.Activated();
        GameMetrics.SessionActivated();
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        GameMetrics.SessionDeactivated();
        return Task.CompletedTask;
    }

    // ----- Creation and seats -----

    public async Task<ActionResult> Create(Quiz quiz, SessionOptions options, string joinCode, string hostToken)
    {
        if (Game is not null || _state.State.Archive is not null) return ActionResult.Fail("session-exists", "This session already exists.");
        if (options.Problems().ToList() is { Count: > 0 } problems)
            return ActionResult.Fail("options-invalid", string.Join(" ", problems.Select(p => $"{p.Path}: {p.Message}")));
        if (QuizValidator.Validate(quiz) is { Count: > 0 } errors)
            return ActionResult.Fail("quiz-invalid", string.Join(" ", errors.Select(e => $"{e.Path}: {e.Message}")));
        _state.State.Game = GameSession.Create(this.GetPrimaryKey(), joinCode, quiz, options, hostToken, Now);
        await Checkpoint();
        SessionLog.Created(_log, this.GetPrimaryKey(), quiz.Questions.Count);
        return ActionResult.Success;
    }

    public Task<JoinResult> Join(string nickname) => Join(nickname, null);

    public Task<JoinResult> JoinWithProfile(string nickname, Guid learnerId) => Join(nickname, learnerId);

    private async Task<JoinResult> Join(string nickname, Guid? learnerId)
    {
        if (Game is not { IsLive: true } game) return JoinResult.Fail(SessionErrors.NotFound);
        if (_store.Retrying) return JoinResult.Fail(SessionErrors.StorageRetrying);
        var token = SecretToken.New();
        var (seat, error) = game.Join(nickname, token, learnerId);
        if (error is not null) return JoinResult.Fail(error);
        _outbox.Changed(PulseCounts.Lobby);
        _store.Journal(SessionChange.Join(seat!, _state.State.Sequence));
        await _store.Commit();
        Announce();
        return new JoinResult(true, null, null, seat!.Id, token, BuildSnapshot(seat));
    }

    public Task<JoinResult> Rejoin(string seatToken)
    {
        if (Game is not { } game || game.FindSeat(seatToken) is not { } seat)
            return Task.FromResult(JoinResult.Fail(SessionErrors.SeatNotFound));
        return Task.FromResult(new JoinResult(true, null, null, seat.Id, null, BuildSnapshot(seat)));
    }

    public Task<HostResult> Host(string hostToken)
    {
        if (Game is not { } game || !game.IsHost(hostToken)) return Task.FromResult(HostResult.Fail(SessionErrors.Forbidden));
        return Task.FromResult(new HostResult(true, null, null, BuildSnapshot(null)));
    }

    public Task SeatConnected(int seatId)
    {
        _connections[seatId] = _connections.GetValueOrDefault(seatId) + 1;
        MarkLobbyChanged();
        return Task.CompletedTask;
    }

    public async Task SeatDisconnected(int seatId)
    {
        if (_connections.TryGetValue(seatId, out var n)) if (n <= 1) _connections.Remove(seatId); else _connections[seatId] = n - 1;
        MarkLobbyChanged();
        // One fewer learner to wait for may mean everyone left has answered.
        if (await CloseIfEveryoneAnswered()) Announce();
    }

    public async Task<ActionResult> ChooseTeam(int seatId, int teamId)
    {
        if (Game is not { IsLive: true } game) return ActionResult.Fail(SessionErrors.NotFound);
        if (_store.Retrying) return ActionResult.Fail(SessionErrors.StorageRetrying);
        if (game.ChooseTeam(seatId, teamId) is { } error) return ActionResult.Fail(error);
        _outbox.Changed(PulseCounts.Lobby);
        _store.Journal(SessionChange.TeamChosen(seatId, teamId, _state.State.Sequence));
        await _store.Commit();
        Announce();
        return ActionResult.Success;
    }

    public async Task Subscribe(ISessionObserver relay)
    {
        // A new silo is remembered durably; renewals stay in memory until the next write carries them.
        // While storage is down the relay is served from memory, and stored by the write that succeeds.
        if (_relays.Subscribe(relay, Now) && Game is not null) await TryCommit();
    }

    public Task Unsubscribe(ISessionObserver relay)
    {
        _relays.Unsubscribe(relay);
        return Task.CompletedTask;
    }

    public async Task<ActionResult> AttachChallenge(string hostToken, Guid challengeId)
    {
        if (Game is not { } game || !game.IsHost(hostToken)) return ActionResult.Fail(SessionErrors.Forbidden);
        return await _links.Attach(challengeId);
    }

    public Task ChallengeChanged(ChallengeView view)
    {
        _links.ChallengeChanged(view);
        return Task.CompletedTask;
    }

    private void ShowChallenge(ChallengeView view) => _outbox.Notify(SessionEvents.Challenge, view);

    public async Task<int> ForgetLearner(Guid learnerId)
    {
        if (Game is not { } game) return 0;
        var forgotten = game.ForgetLearner(learnerId);
        if (forgotten == 0) return 0;
        _outbox.Changed(PulseCounts.Lobby);
        // The erased seats may still be in chunks of the journal the new checkpoint leaves behind: those are cleared.
        await Checkpoint(clearOlderChunks: true);
        Announce();
        return forgotten;
    }

    public Task<SessionSnapshot?> Snapshot() =>
        Task.FromResult(Game is null ? null : BuildSnapshot(null));

    public Task<ReportResult> Report(string hostToken) =>
        Task.FromResult(Game is { } game && game.IsHost(hostToken)
            ? new ReportResult(true, null, SessionReport.Of(game))
            : _state.State.Archive is { } archive && archive.IsHost(hostToken)
                ? new ReportResult(true, null, archive.Report())
                : new ReportResult(false, SessionErrors.Forbidden.Code, null));

    // ----- Answers -----

    public async Task<AnswerAck> SubmitAnswer(int seatId, int questionIndex, string answerId, Answer answer, DateTimeOffset receivedAt)
    {
        if (Game is not { } game) return AnswerAck.Fail(SessionErrors.NotFound, questionIndex);
        // The grain may see a call late; it judges by the time the server received the answer, but never later than now.
        var outcome = game.SubmitAnswer(seatId, questionIndex, answerId, answer, Min(receivedAt, Now));
        if (outcome.Error is { } error)
        {
            // The deadline passed but the timer has not fired yet: close now so nobody else gets in.
            if (error == GameError.AnswerTooLate && Tick(game, Now)) { if (await TryCommit(checkpoint: false)) Announce(); }
            return AnswerAck.Fail(error, questionIndex);
        }
        if (!outcome.IsRepeat) _outbox.Changed(PulseCounts.Answers);
        if (!outcome.IsRepeat && game.CurrentRound is { Consensus: true } && game.SeatById(seatId)?.TeamId is { } teamId) AppendTeamVotes(game, teamId);
        // The answer goes into the journal: this write carries it, not the session (a repeat waits for the same write).
        if (!outcome.IsRepeat) _store.Journal(SessionChange.Answered(seatId, questionIndex, outcome.Answer!, _state.State.Sequence));
        try
        {
            if (!outcome.IsRepeat && game.Options.CloseWhenAllAnswered && game.AllAnswered(_connections.Keys, Now))
            {
                RevealNow(game, Now);
            }
            await _store.Commit();
        }
        catch (Exception e)
        {
            SessionLog.WriteFailed(_log, e, this.GetPrimaryKey());
            return AnswerAck.Fail(SessionErrors.Retry, questionIndex);
        }
        if (!outcome.IsRepeat) GameMetrics.AnswerAcknowledged();
        Announce();
        return new AnswerAck(true, null, null, questionIndex, answerId, outcome.IsRepeat);
    }

    // ----- Trainer -----

    public async Task<ActionResult> Control(string hostToken, HostCommand command)
    {
        if (Game is not { } game || !game.IsHost(hostToken)) return ActionResult.Fail(SessionErrors.Forbidden);
        // While storage is down the game does not move on: nothing could be announced before it is stored.
        if (_store.Retrying) return ActionResult.Fail(SessionErrors.StorageRetrying);
        var now = Now;
        if (SessionCommands.Apply(game, command, now) is { } error) return ActionResult.Fail(error);
        AppendFor(command, game, now);
        _store.Journal(SessionChange.Host(command, now, _state.State.Sequence));
        var stored = await TryCommit(checkpoint: false);
        if (stored) Announce();
        // Logged once what it announces has left: the first line of each kind is slow on a fresh server.
        SessionLog.Action(_log, this.GetPrimaryKey(), command.Action, game.Phase);
        // Storage failed under this very action: it is kept, and announced (and the code released) once stored.
        if (!stored) return ActionResult.Fail(SessionErrors.StorageRetrying);
        if (game.Phase == SessionPhase.Ended) await Ended(game);
        return ActionResult.Success;
    }

    private void AppendFor(HostCommand command, GameSession game, DateTimeOffset now)
    {
        var (events, changed) = CommandAnnouncements.Of(command, game, now);
        foreach (var announcement in events) Append(announcement);
        _outbox.Changed(changed);
        ArmDeadline();
    }

    /// <summary>The events that announce the phase the game has just entered.</summary>
    private void AppendPhase(GameSession game, DateTimeOffset now)
    {
        foreach (var announcement in SessionAnnouncements.PhaseEntered(game, now)) Append(announcement);
        ArmDeadline();
    }

    /// <summary>A consensus vote changed: the team's votes go to that team's members only.</summary>
    private void AppendTeamVotes(GameSession game, int teamId)
    {
        if (SessionViews.TeamVotes(game, teamId) is not { } votes) return;
        Append(Announcement.ToSeats(SessionEvents.TeamVotes, game.Members(teamId).ToDictionary(m => m.Id, _ => (object)votes)));
    }

    private void Append(Announcement announcement) => _outbox.Append(announcement);

    // ----- Deadline -----

    /// <summary>Keeps exactly one timer, due at the open question's deadline; none while paused or between questions.</summary>
    private void ArmDeadline()
    {
        _deadlineTimer?.Dispose();
        _deadlineTimer = null;
        if (Game?.NextCheck(Now) is not { } deadline) return;
        var due = deadline - Now;
        if (due < TimeSpan.Zero) due = TimeSpan.Zero;
        _deadlineTimer = this.RegisterGrainTimer(OnDeadline, new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan) { KeepAlive = true });
    }

    private async Task OnDeadline(CancellationToken cancellation)
    {
        if (Game is not { } game) return;
        if (!Tick(game, Now))
        {
            // The common deadline passed while learners with extra time answer: maybe nobody is left to wait for.
            if (await CloseIfEveryoneAnswered()) Announce();
            else ArmDeadline();
            return;
        }
        // If storage is down, the close is stored and announced by the retry that succeeds.
        if (await TryCommit(checkpoint: false)) Announce();
    }

    private async Task<bool> CloseIfEveryoneAnswered()
    {
        if (Game is not { } game || !game.Options.CloseWhenAllAnswered || !game.AllAnswered(_connections.Keys, Now)) return false;
        RevealNow(game, Now);
        return await TryCommit(checkpoint: false);
    }

    /// <summary>The deadline check: when it changed the game, the change is journaled and its phase event queued.</summary>
    private bool Tick(GameSession game, DateTimeOffset now)
    {
        if (!game.Tick(now)) return false;
        AppendPhase(game, now);
        _store.Journal(SessionChange.Ticked(now, _state.State.Sequence));
        return true;
    }

    /// <summary>Everyone has answered: the question closes now, journaled, and its reveal is queued.</summary>
    private void RevealNow(GameSession game, DateTimeOffset now)
    {
        if (game.RevealNow(now) is not null) return;
        AppendPhase(game, now);
        _store.Journal(SessionChange.RevealedNow(now, _state.State.Sequence));
    }

    private Task Checkpoint(bool clearOlderChunks = false) => _store.Checkpoint(clearOlderChunks);

    /// <summary>
    /// Waits for a write carrying every change so far; false when it failed (the commit keeps retrying). A change that
    /// is in the journal needs no checkpoint.
    /// </summary>
    private async Task<bool> TryCommit(bool checkpoint = true)
    {
        try
        {
            await (checkpoint ? _store.Checkpoint() : _store.Commit());
            return true;
        }
        catch (Exception)
        {
            // Logged once by OnStoredChanged, not once per caller.
            return false;
        }
    }

    /// <summary>Storage failed (false) or is back (true): everyone is told, and what waited for it is announced.</summary>
    private void OnStoredChanged(bool stored)
    {
        if (stored) SessionLog.StorageBack(_log, this.GetPrimaryKey());
        else SessionLog.StorageRetrying(_log, this.GetPrimaryKey());
        var state = stored ? StoragePayload.Ok : StoragePayload.Retrying;
        _outbox.Notify(SessionEvents.Storage, new StoragePayload(state));
        if (stored && Game is { Phase: SessionPhase.Ended } game) _ = Ended(game);
    }

    // ----- Retention -----

    /// <summary>The game is over and stored: free its code, and arm the reminder that will purge its personal data.</summary>
    private async Task Ended(GameSession game)
    {
        await ReleaseJoinCode(game);
        try
        {
            var due = Retention.Remaining(game, _retention.EndedSessions, Now) ?? _retention.EndedSessions;
            await this.RegisterOrUpdateReminder(RetentionReminder, Min(due, LongestFirstWait), _retention.CheckEvery);
        }
        catch (Exception e)
        {
            // The game itself is safe; without the reminder its data stays until the next tick or a manual purge.
            SessionLog.ReminderFailed(_log, e, game.Id);
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != RetentionReminder) return;
        if (Game is { } game)
        {
            if (!Retention.IsDue(game, _retention.EndedSessions, Now)) return;
            await Purge(game);
        }
        // Purged before, but the played rounds or the journal may have outlived a crash right after.
        else
        {
            await _store.Forget();
        }
        // Purged (now or before): the reminder has nothing left to do.
        if (await this.GetReminder(RetentionReminder) is { } reminder) await this.UnregisterReminder(reminder);
    }

    /// <summary>Keeps the per-question aggregates; nicknames, answers and seat tokens are gone from memory and storage.</summary>
    private async Task Purge(GameSession game)
    {
        _state.State.Archive = SessionArchive.Of(game, Now);
        _state.State.Game = null;
        _outbox.Clear();
        _connections.Clear();
        _deadlineTimer?.Dispose();
        _deadlineTimer = null;
        await Checkpoint(clearOlderChunks: true);
        await _store.Forget();
        await ReleaseJoinCode(game);
        SessionLog.Purged(_log, game.Id);
    }

    private async Task ReleaseJoinCode(GameSession game)
    {
        try
        {
            await GrainFactory.GetGrain<IJoinCodeGrain>(game.JoinCode).Release(game.Id);
        }
        catch (Exception e)
        {
            SessionLog.WriteFailed(_log, e, game.Id);
        }
    }

    private void Announce() => _outbox.Announce();

    private void MarkLobbyChanged()
    {
        _outbox.Changed(PulseCounts.Lobby);
        Announce();
    }

    private SessionSnapshot BuildSnapshot(Seat? seat) =>
        SessionSnapshots.Of(Game!, seat, new SnapshotContext(_connections.ContainsKey, Now, _store.DurableSequence, _store.Retrying, _links.ChallengeView));

    private StartTimer StartTimer(bool keepAlive) => (due, callback) =>
        this.RegisterGrainTimer(_ => callback(), new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan) { KeepAlive = keepAlive });

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
