using LearnGame.Domain.Challenges;
using LearnGame.Domain.Learners;
using LearnGame.Domain.Sessions;
using LearnGame.Domain.Sessions.Views;
using LearnGame.Grains.Abstractions.Challenges;
using LearnGame.Grains.Abstractions.Learners;
using LearnGame.Grains.Abstractions.Sessions;
using Microsoft.Extensions.Logging;

namespace LearnGame.Grains.Sessions;

/// <summary>
/// The session's links to other grains: its closed questions go to its shared challenge, its final results to the
/// profiles of learners who joined with a learner token. Both are sent only once the change is stored, and again
/// until acknowledged (after a failure, or by a re-activated session); the receivers count each one once
/// (contribution id, session id), so a retry never counts twice.
/// </summary>
public sealed partial class SessionGrain
{
    private static readonly TimeSpan ForwardRetry = TimeSpan.FromSeconds(2);

    /// <summary>Question index → the event sequence at which it was seen closed: it may be sent once that sequence is stored.</summary>
    private readonly Dictionary<int, long> _closedAt = [];
    private readonly HashSet<int> _contributed = [];
    private long? _finalAt;
    private bool _forwarding;
    private IGrainTimer? _forwardTimer;
    private ChallengeView? _challengeView;
    private bool _challengeRewarded;

    private void OnActivateLinks()
    {
        if (Game is not { } game) return;
        // What is stored is durable: every closed question and a final result may be sent (again).
        foreach (var round in game.Rounds.Where(r => r.Closed)) _closedAt[round.QuestionIndex] = 0;
        if (SessionOutcomes.AreFinal(game)) _finalAt = 0;
        if (_state.State.ChallengeId is { } challengeId) _ = RefreshChallenge(challengeId);
        ForwardDurable();
    }

    /// <summary>Called as each event is queued: notes a question that has just closed, or the results becoming final.</summary>
    private void NoteProgress(long sequence)
    {
        if (Game is not { } game) return;
        if (game.CurrentRound is { Closed: true } round) _closedAt.TryAdd(round.QuestionIndex, sequence);
        if (_finalAt is null && SessionOutcomes.AreFinal(game)) _finalAt = sequence;
    }

    public async Task<ActionResult> AttachChallenge(string hostToken, Guid challengeId)
    {
        if (Game is not { } game || !game.IsHost(hostToken)) return ActionResult.Fail(SessionErrors.Forbidden);
        if (_state.State.ChallengeId == challengeId) return ActionResult.Success;
        if (_state.State.ChallengeId is not null)
            return ActionResult.Fail("challenge-already-attached", "This session already contributes to another challenge.");
        _state.State.ChallengeId = challengeId;
        if (!await TryCommit())
        {
            _state.State.ChallengeId = null;
            return ActionResult.Fail(SessionErrors.StorageRetrying);
        }
        ForwardDurable();
        return ActionResult.Success;
    }

    public Task ChallengeChanged(ChallengeView view)
    {
        if (Game is null || view.ChallengeId != _state.State.ChallengeId) return Task.CompletedTask;
        ShowChallenge(view);
        return Task.CompletedTask;
    }

    public async Task<int> ForgetLearner(Guid learnerId)
    {
        if (Game is not { } game) return 0;
        var forgotten = game.ForgetLearner(learnerId);
        if (forgotten == 0) return 0;
        _pulses.Changed(PulseCounts.Lobby);
        // The erased seats may still be in chunks of the journal the new checkpoint leaves behind: those are cleared.
        await Checkpoint(clearOlderChunks: true);
        Announce();
        return forgotten;
    }

    private void ShowChallenge(ChallengeView view)
    {
        // Views cross in flight: an older one never replaces a newer one.
        if (_challengeView is { } shown && shown.Version > view.Version) return;
        _challengeView = view;
        Announce(new SessionEvent(_durableSequence, SessionEvents.Challenge, Json(view), EventAudience.Everyone, null, null));
        if (view.Reached && !_challengeRewarded)
        {
            _challengeRewarded = true;
            _ = RewardChallenge(view.ChallengeId);
        }
    }

    /// <summary>The goal is reached: every profiled learner of the session earns the badge (once per challenge).</summary>
    private async Task RewardChallenge(Guid challengeId)
    {
        if (Game is not { } game) return;
        try
        {
            await Task.WhenAll(game.ActiveSeats.Where(s => s.LearnerId is not null)
                .Select(s => GrainFactory.GetGrain<ILearnerGrain>(s.LearnerId!.Value).CompleteChallenge(challengeId)));
        }
        catch (Exception e)
        {
            _challengeRewarded = false;
            LogLinkFailed(_log, e, game.Id);
        }
    }

    private async Task RefreshChallenge(Guid challengeId)
    {
        try
        {
            if (await GrainFactory.GetGrain<IChallengeGrain>(challengeId).View() is { } view) ShowChallenge(view);
        }
        catch (Exception e)
        {
            LogLinkFailed(_log, e, this.GetPrimaryKey());
        }
    }

    /// <summary>Starts sending whatever is stored and not yet acknowledged, unless a send is already running.</summary>
    private void ForwardDurable()
    {
        if (_forwarding || Game is not { } game) return;
        var contribute = _state.State.ChallengeId is not null && _closedAt.Any(c => c.Value <= _durableSequence && !_contributed.Contains(c.Key));
        var record = !_state.State.ProfilesRecorded && _finalAt <= _durableSequence && game.Rounds.Count > 0;
        if (!contribute && !record) return;
        _forwarding = true;
        _ = Forward(game, contribute, record);
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
            LogLinkFailed(_log, e, game.Id);
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
        _forwardTimer = this.RegisterGrainTimer(_ =>
        {
            _forwardTimer?.Dispose();
            _forwardTimer = null;
            ForwardDurable();
            return Task.CompletedTask;
        }, new GrainTimerCreationOptions(ForwardRetry, Timeout.InfiniteTimeSpan) { KeepAlive = true });
    }

    private async Task Contribute(GameSession game)
    {
        var ready = _closedAt.Where(c => c.Value <= _durableSequence && !_contributed.Contains(c.Key)).Select(c => c.Key).ToHashSet();
        var contributions = Contributions.Of(game).Where(c => ready.Contains(c.QuestionIndex)).ToList();
        var view = contributions.Count == 0 ? null : await GrainFactory.GetGrain<IChallengeGrain>(_state.State.ChallengeId!.Value).Contribute(contributions);
        _contributed.UnionWith(ready);
        if (view is not null) ShowChallenge(view);
    }

    private async Task RecordProfiles(GameSession game)
    {
        var outcomes = SessionOutcomes.Of(game, Now).ToList();
        await Task.WhenAll(outcomes.Select(o => GrainFactory.GetGrain<ILearnerGrain>(o.LearnerId).Record(o.Outcome)));
        _state.State.ProfilesRecorded = true;
        // If this write fails, the flag is stored by the next one; until then a re-activation sends again (counted once).
        await TryCommit();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: could not reach its challenge or a learner profile; will try again")]
    private static partial void LogLinkFailed(ILogger log, Exception e, Guid sessionId);
}
