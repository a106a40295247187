using LearnGame.Domain.Challenges;
using LearnGame.Domain.Learners;
using LearnGame.Domain.Sessions;
using LearnGame.Grains.Abstractions.Challenges;
using LearnGame.Grains.Abstractions.Learners;
using LearnGame.Grains.Abstractions.Sessions;
using Microsoft.Extensions.Logging;

namespace LearnGame.Grains.Sessions;

/// <summary>What <see cref="SessionLinks"/> needs of its session grain.</summary>
/// <param name="State">The session's persisted state (the game, the challenge it contributes to, whether profiles are recorded).</param>
/// <param name="DurableSequence">The last event whose change is stored.</param>
/// <param name="Store">Writes the whole session; false when the write failed (the commit keeps retrying).</param>
/// <param name="ShowChallenge">Announces a challenge's view to the session's screens.</param>
/// <param name="StartTimer">Starts a retry timer that keeps the grain active.</param>
public sealed record SessionLinksHost(
    Func<SessionState> State,
    Func<long> DurableSequence,
    Func<Task<bool>> Store,
    Action<ChallengeView> ShowChallenge,
    StartTimer StartTimer);

/// <summary>
/// The session's links to other grains: its closed questions go to its shared challenge, its final results to the
/// profiles of learners who joined with a learner token. Both are sent only once the change is stored, and again
/// until acknowledged (after a failure, or by a re-activated session); the receivers count each one once
/// (contribution id, session id), so a retry never counts twice. Runs on the grain's scheduler, so it needs no lock.
/// </summary>
public sealed partial class SessionLinks(
    SessionLinksHost host,
    Func<Guid, IChallengeGrain> challenges,
    Func<Guid, ILearnerGrain> learners,
    TimeProvider time,
    ILogger log)
{
    /// <summary>How long after a failed send the links try again.</summary>
    public static readonly TimeSpan ForwardRetry = TimeSpan.FromSeconds(2);

    /// <summary>Question index → the event sequence at which it was seen closed: it may be sent once that sequence is stored.</summary>
    private readonly Dictionary<int, long> _closedAt = [];
    private readonly HashSet<int> _contributed = [];
    private long? _finalAt;
    private bool _forwarding;
    private IDisposable? _forwardTimer;
    private bool _challengeRewarded;

    private SessionState State => host.State();

    /// <summary>The shared challenge's latest view, shown in snapshots.</summary>
    public ChallengeView? ChallengeView { get; private set; }

    /// <summary>After activation: what is stored is durable, so every closed question and a final result may be sent (again).</summary>
    public void Activated()
    {
        if (State.Game is not { } game) return;
        foreach (var round in game.Rounds.Where(r => r.Closed)) _closedAt[round.QuestionIndex] = 0;
        if (SessionOutcomes.AreFinal(game)) _finalAt = 0;
        if (State.ChallengeId is { } challengeId) _ = RefreshChallenge(challengeId);
        ForwardDurable();
    }

    /// <summary>Called as each event is queued: notes a question that has just closed, or the results becoming final.</summary>
    public void NoteProgress(long sequence)
    {
        if (State.Game is not { } game) return;
        if (game.CurrentRound is { Closed: true } round) _closedAt.TryAdd(round.QuestionIndex, sequence);
        if (_finalAt is null && SessionOutcomes.AreFinal(game)) _finalAt = sequence;
    }

    /// <summary>Attaches the session to one challenge, durably: the attachment is undone if it cannot be stored.</summary>
    public async Task<ActionResult> Attach(Guid challengeId)
    {
        if (State.ChallengeId == challengeId) return ActionResult.Success;
        if (State.ChallengeId is not null)
            return ActionResult.Fail("challenge-already-attached", "This session already contributes to another challenge.");
        State.ChallengeId = challengeId;
        if (!await host.Store())
        {
            State.ChallengeId = null;
            return ActionResult.Fail(SessionErrors.StorageRetrying);
        }
        ForwardDurable();
        return ActionResult.Success;
    }

    /// <summary>The challenge pushed a new view.</summary>
    public void ChallengeChanged(ChallengeView view)
    {
        if (State.Game is null || view.ChallengeId != State.ChallengeId) return;
        Show(view);
    }

    /// <summary>Starts sending whatever is stored and not yet acknowledged, unless a send is already running.</summary>
    public void ForwardDurable()
    {
        if (_forwarding || State.Game is not { } game) return;
        var durable = host.DurableSequence();
        var contribute = State.ChallengeId is not null && _closedAt.Any(c => c.Value <= durable && !_contributed.Contains(c.Key));
        var record = !State.ProfilesRecorded && _finalAt <= durable && game.Rounds.Count > 0;
        if (!contribute && !record) return;
        _forwarding = true;
        _ = Forward(game, contribute, record);
    }

    private void Show(ChallengeView view)
    {
        // Views cross in flight: an older one never replaces a newer one.
        if (ChallengeView is { } shown && shown.Version > view.Version) return;
        ChallengeView = view;
        host.ShowChallenge(view);
        if (view.Reached && !_challengeRewarded)
        {
            _challengeRewarded = true;
            _ = RewardChallenge(view.ChallengeId);
        }
    }

    /// <summary>The goal is reached: every profiled learner of the session earns the badge (once per challenge).</summary>
    private async Task RewardChallenge(Guid challengeId)
    {
        if (State.Game is not { } game) return;
        try
        {
            await Task.WhenAll(game.ActiveSeats.Where(s => s.LearnerId is not null)
                .Select(s => learners(s.LearnerId!.Value).CompleteChallenge(challengeId)));
        }
        catch (Exception e)
        {
            _challengeRewarded = false;
            LogLinkFailed(log, e, game.Id);
        }
    }

    private async Task RefreshChallenge(Guid challengeId)
    {
        try
        {
            if (await challenges(challengeId).View() is { } view) Show(view);
        }
        catch (Exception e)
        {
            LogLinkFailed(log, e, State.Game?.Id ?? Guid.Empty);
        }
    }

    private async Task Forward(GameSession game, bool contribute, bool record)
    {
        var ok = true;
        try
        {
            if (contribute) await Contribute(game);
            if (record) await RecordProfiles(game);
        }
        catch (Exception e)
        {
            ok = false;
            LogLinkFailed(log, e, game.Id);
        }
        finally
        {
            _forwarding = false;
        }
        if (ok)
        {
            ForwardDurable();
            return;
        }
        _forwardTimer?.Dispose();
        _forwardTimer = host.StartTimer(ForwardRetry, () =>
        {
            _forwardTimer?.Dispose();
            _forwardTimer = null;
            ForwardDurable();
            return Task.CompletedTask;
        });
    }

    private async Task Contribute(GameSession game)
    {
        var durable = host.DurableSequence();
        var ready = _closedAt.Where(c => c.Value <= durable && !_contributed.Contains(c.Key)).Select(c => c.Key).ToHashSet();
        var contributions = Contributions.Of(game).Where(c => ready.Contains(c.QuestionIndex)).ToList();
        var view = contributions.Count == 0 ? null : await challenges(State.ChallengeId!.Value).Contribute(contributions);
        _contributed.UnionWith(ready);
        if (view is not null) Show(view);
    }

    private async Task RecordProfiles(GameSession game)
    {
        var outcomes = SessionOutcomes.Of(game, time.GetUtcNow()).ToList();
        await Task.WhenAll(outcomes.Select(o => learners(o.LearnerId).Record(o.Outcome)));
        State.ProfilesRecorded = true;
        // If this write fails, the flag is stored by the next one; until then a re-activation sends again (counted once).
        await host.Store();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: could not reach its challenge or a learner profile; will try again")]
    private static partial void LogLinkFailed(ILogger log, Exception e, Guid sessionId);
}
