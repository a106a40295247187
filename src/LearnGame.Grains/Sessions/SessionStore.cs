using LearnGame.Domain.Sessions;
using LearnGame.Grains.Persistence;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace LearnGame.Grains.Sessions;

/// <summary>Where a session's changes become durable: the grain says what changed and waits; how it is stored is the store's.</summary>
public interface ISessionStore
{
    /// <summary>The number of the last event whose change is stored: events up to it may be announced.</summary>
    long DurableSequence { get; }

    /// <summary>True from a failed write until the next write succeeds: some changes are in memory only.</summary>
    bool Retrying { get; }

    /// <summary>Records a change the rules can replay; the next commit stores it without the whole session.</summary>
    void Journal(SessionChange change);

    /// <summary>Completes once a write holding every change so far has succeeded; fails if that write fails (it is retried).</summary>
    Task Commit();

    /// <summary>
    /// As <see cref="Commit"/>, but the write stores the whole session. With <paramref name="clearOlderChunks"/> (an
    /// erasure, the purge) what older checkpoints left in storage is cleared once it is stored.
    /// </summary>
    Task Checkpoint(bool clearOlderChunks = false);

    /// <summary>Clears everything the session stored apart from its own state (the closed rounds, a stale journal).</summary>
    Task Forget();
}

/// <summary>What <see cref="SessionStore"/> tells its session grain.</summary>
/// <param name="StoredChanged">Storage failed (false) or is back (true).</param>
/// <param name="Durable">A write succeeded: what it holds is durable.</param>
public sealed record SessionStoreEvents(Action<bool> StoredChanged, Action Durable);

/// <summary>
/// A session's storage: its own state as checkpoints, the changes since in a journal, closed rounds in rows of their
/// own, all written by one group commit. A write stores the journal's new entries, or the whole session when a
/// checkpoint is wanted or the journal has grown past <see cref="MaxJournal"/>; closed rounds are written apart a
/// while after the write that closed them. Runs on the grain's scheduler, so it needs no lock.
/// </summary>
public sealed partial class SessionStore : ISessionStore
{
    /// <summary>Past this many journaled changes, the next write is a checkpoint: a reload never replays more.</summary>
    public const int MaxJournal = 1024;

    /// <summary>How long after the write that closed a round it is written apart: past the reveal's delivery.</summary>
    public static readonly TimeSpan StoreRoundsApartAfter = TimeSpan.FromSeconds(1);

    private const string RoundsName = "round";
    private const string JournalName = "journal";

    private readonly IPersistentState<SessionState> _state;
    private readonly RoundRows _rounds;
    private readonly Journal<SessionChange> _journal;
    private readonly GroupCommit _commit;
    private readonly StartTimer _startTimer;
    private readonly SessionStoreEvents _events;
    private readonly ILogger _log;
    private readonly Guid _sessionId;
    private long _checkpointsWanted;
    private long _checkpointsDone;
    // The checkpoint after which the journal's older chunks must be cleared (an erasure, the purge); 0 when none.
    private long _clearChunksAfter;
    private Task? _storingRounds;
    private IDisposable? _roundsTimer;
    // The leading rounds whose close a finished write has stored: those may be written apart.
    private int _closedStored;

    public SessionStore(IPersistentState<SessionState> state, IGrainStorage storage, GrainId grainId, Guid sessionId, StartTimer startTimer,
        TimeProvider time, SessionStoreEvents events, ILogger log)
    {
        _state = state;
        _rounds = new RoundRows(storage, grainId, RoundsName);
        _journal = new Journal<SessionChange>(storage, grainId, JournalName);
        _commit = new GroupCommit(WriteAsync, time, events.StoredChanged);
        _startTimer = startTimer;
        _events = events;
        _log = log;
        _sessionId = sessionId;
    }

    private SessionState State => _state.State;

    public long DurableSequence { get; private set; }

    public bool Retrying => _commit.Retrying;

    /// <summary>Puts the session back as stored: its own state (read by Orleans), the rounds stored apart, then the journal replayed.</summary>
    public async Task LoadAsync()
    {
        var storedApart = await _rounds.LoadAsync();
        if (State.Game is { } stored && State.RoundsStoredApart > 0)
        {
            if (storedApart.Count < State.RoundsStoredApart)
                throw new InvalidOperationException($"Session {_sessionId}: {State.RoundsStoredApart} rounds were stored apart, but only {storedApart.Count} were found.");
            // A crash between a round's row and the next checkpoint leaves extra rows: those rounds are also in the game.
            stored.Rounds.InsertRange(0, storedApart.Take(State.RoundsStoredApart));
        }
        foreach (var change in await _journal.LoadAsync(State.JournalEpoch))
        {
            if (State.Game is not { } game || !change.ApplyTo(game)) LogChangeLeftOut(_log, _sessionId, change.SeatId);
            State.Sequence = Math.Max(State.Sequence, change.Sequence);
        }
        // Rounds closed after the checkpoint were replayed; those already stored apart need not be written again.
        if (State.Game is { } played && Math.Min(storedApart.Count, played.FinalRoundCount) is var apart && apart > State.RoundsStoredApart)
            State.RoundsStoredApart = apart;
        DurableSequence = State.Sequence;
    }

    public void Journal(SessionChange change) => _journal.Add(change);

    public Task Commit() => _commit.Commit();

    public Task Checkpoint(bool clearOlderChunks = false)
    {
        _checkpointsWanted++;
        if (clearOlderChunks) _clearChunksAfter = _checkpointsWanted;
        return _commit.Commit();
    }

    public async Task Forget()
    {
        _roundsTimer?.Dispose();
        _roundsTimer = null;
        // The played rounds hold every answer: they go with the rest of the personal data.
        if (_storingRounds is { } storing) await storing;
        await _rounds.ClearAsync();
        State.RoundsStoredApart = 0;
        await _journal.ClearStaleAsync();
    }

    /// <summary>One write of the group commit: the journal's new entries, or the whole session as a new checkpoint.</summary>
    private async Task WriteAsync()
    {
        var upTo = State.Sequence;
        // Rounds closed by now are closed in what this write stores; one closed while it runs is not, yet.
        var closed = State.Game?.FinalRoundCount ?? 0;
        if (_checkpointsWanted > _checkpointsDone || _journal.Count >= MaxJournal)
        {
            var (wanted, included) = (_checkpointsWanted, _journal.Count);
            State.JournalEpoch++;
            await WriteStateWithoutRoundsApart();
            _checkpointsDone = Math.Max(_checkpointsDone, wanted);
            _journal.Restart(State.JournalEpoch, included);
        }
        else await _journal.WriteAsync();
        // After the checkpoint that carries an erasure; if the clear fails, the write fails and its retry clears again.
        if (_clearChunksAfter is > 0 and var after && _checkpointsDone >= after)
        {
            await _journal.ClearStaleAsync();
            if (_clearChunksAfter == after) _clearChunksAfter = 0;
        }
        DurableSequence = Math.Max(DurableSequence, upTo);
        _events.Durable();
        _closedStored = Math.Max(_closedStored, closed);
        StoreClosedRoundsApart();
    }

    /// <summary>Writes the session's own state, leaving out the leading rounds stored in rows of their own.</summary>
    private Task WriteStateWithoutRoundsApart()
    {
        if (State.Game is not { } game || State.RoundsStoredApart == 0) return _state.WriteStateAsync();
        var apart = game.Rounds.GetRange(0, State.RoundsStoredApart);
        game.Rounds.RemoveRange(0, apart.Count);
        // The storage serialises the state on this turn, so the game is whole again before anything else runs.
        try
        {
            return _state.WriteStateAsync();
        }
        finally
        {
            game.Rounds.InsertRange(0, apart);
        }
    }

    /// <summary>
    /// Closed rounds never change: each is written once into a row of its own, <see cref="StoreRoundsApartAfter"/> after
    /// the write that closed it, off the path of any acknowledgement and of the reveal; the session's later writes leave
    /// them out.
    /// </summary>
    private void StoreClosedRoundsApart()
    {
        if (_roundsTimer is not null || _storingRounds is { IsCompleted: false } || State.Game is not { } game || _closedStored <= State.RoundsStoredApart) return;
        _roundsTimer = _startTimer(StoreRoundsApartAfter, () =>
        {
            _roundsTimer?.Dispose();
            _roundsTimer = null;
            if (!ReferenceEquals(State.Game, game)) return Task.CompletedTask; // purged meanwhile
            // Every round stored closed by now, including those closed while the timer waited.
            return _storingRounds = StoreRoundsApart(game, Math.Min(_closedStored, game.FinalRoundCount));
        });
    }

    private async Task StoreRoundsApart(GameSession game, int count)
    {
        try
        {
            await _rounds.WriteAsync(game.Rounds, count);
            // Only now may the session's own state leave them out: a crash in between finds them in both.
            if (!ReferenceEquals(State.Game, game)) return;
            State.RoundsStoredApart = Math.Max(State.RoundsStoredApart, count);
        }
        catch (Exception e)
        {
            // Nothing is lost: the session's own state still carries these rounds, and the next write tries again.
            LogRoundsNotStoredApart(_log, e, game.Id);
            return;
        }
        // A round whose close was stored while this write ran goes next, without waiting for another write.
        _storingRounds = null;
        StoreClosedRoundsApart();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: could not store its closed rounds apart; they stay in the session's own state for now")]
    private static partial void LogRoundsNotStoredApart(ILogger log, Exception e, Guid sessionId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Session {SessionId}: a stored change of seat {SeatId} does not fit the stored session and was left out")]
    private static partial void LogChangeLeftOut(ILogger log, Guid sessionId, int seatId);
}
