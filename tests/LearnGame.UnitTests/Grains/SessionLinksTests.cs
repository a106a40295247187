using LearnGame.Domain.Challenges;
using LearnGame.Domain.Learners;
using LearnGame.Domain.Sessions;
using LearnGame.Grains.Abstractions.Challenges;
using LearnGame.Grains.Abstractions.Learners;
using LearnGame.Grains.Sessions;
using LearnGame.UnitTests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace LearnGame.UnitTests.Grains;

public class SessionLinksTests
{
    private static readonly Guid ChallengeId = Guid.Parse("11111111-2222-3333-4444-555555555555");

    private sealed class FakeChallenge : IChallengeGrain
    {
        public List<IReadOnlyList<Contribution>> Contributed { get; } = [];
        public bool Fails { get; set; }
        public int Version { get; set; } = 1;

        public Task<ChallengeView?> Contribute(IReadOnlyList<Contribution> contributions)
        {
            if (Fails) return Task.FromException<ChallengeView?>(new TimeoutException("challenge unreachable"));
            Contributed.Add(contributions);
            return Task.FromResult<ChallengeView?>(View(Version++));
        }

        public Task<ChallengeView?> View() => Task.FromResult<ChallengeView?>(null);

        public static ChallengeView View(int version) => new(ChallengeId, "Défi", GoalKind.CorrectAnswers, 10, null, version, 10, false, null, 1, version);

        public Task<ChallengeResult> Create(string spaceId, string? title, ChallengeGoal? goal) => throw new NotSupportedException();
        public Task<ChallengeResult> Get(string spaceId) => throw new NotSupportedException();
        public Task<ChallengeResult> Attach(string spaceId, Guid sessionId, string hostToken) => throw new NotSupportedException();
    }

    private sealed class FakeLearner : ILearnerGrain
    {
        public List<SessionOutcome> Recorded { get; } = [];

        public Task Record(SessionOutcome outcome)
        {
            Recorded.Add(outcome);
            return Task.CompletedTask;
        }

        public Task CompleteChallenge(Guid challengeId) => Task.CompletedTask;
        public Task<LearnerResult> Create(string? displayName) => throw new NotSupportedException();
        public Task<LearnerResult> Get() => throw new NotSupportedException();
        public Task<LearnerResult> Rename(string? displayName) => throw new NotSupportedException();
        public Task<bool> Attend(Guid sessionId) => throw new NotSupportedException();
        public Task<LearnerExport?> Export() => throw new NotSupportedException();
        public Task<LearnerResult> Erase() => throw new NotSupportedException();
    }

    private sealed class Timers
    {
        public List<(TimeSpan Due, Func<Task> Callback)> Started { get; } = [];

        public IDisposable Start(TimeSpan due, Func<Task> callback)
        {
            Started.Add((due, callback));
            return new Nothing();
        }

        private sealed class Nothing : IDisposable
        {
            public void Dispose() { }
        }
    }

    private sealed class Host
    {
        public SessionState State { get; } = new();
        public long Durable { get; set; }
        public bool StoreFails { get; set; }
        public int Stores { get; private set; }
        public List<ChallengeView> Shown { get; } = [];
        public Timers Timers { get; } = new();
        public FakeChallenge Challenge { get; } = new();
        public FakeLearner Learner { get; } = new();

        public SessionLinks Links(TestGame game) => new(
            new SessionLinksHost(() => State, () => Durable, () => { Stores++; return Task.FromResult(!StoreFails); }, Shown.Add, Timers.Start),
            _ => Challenge, _ => Learner, game.Clock, NullLogger.Instance);
    }

    private static (TestGame Game, Host Host, SessionLinks Links) Attached()
    {
        var game = new TestGame(Make.Single(), Make.Single());
        var zoe = game.Join("Zoé");
        game.Start();
        game.Accepted(zoe, Answers.Choice(1));
        var host = new Host();
        host.State.Game = game.Session;
        host.State.ChallengeId = ChallengeId;
        return (game, host, host.Links(game));
    }

    [Fact]
    public void A_closed_question_goes_to_the_challenge_only_once_its_close_is_stored()
    {
        var (game, host, links) = Attached();
        game.RevealNow();
        links.NoteProgress(5);

        host.Durable = 4;
        links.ForwardDurable();
        Assert.Empty(host.Challenge.Contributed);

        host.Durable = 5;
        links.ForwardDurable();
        var contribution = Assert.Single(Assert.Single(host.Challenge.Contributed));
        Assert.Equal((0, 1, 1), (contribution.QuestionIndex, contribution.Answered, contribution.Correct));
        Assert.Equal(1, Assert.Single(host.Shown).Version);
        Assert.Same(host.Shown[0], links.ChallengeView);

        // Sent once: another stored write sends nothing more.
        host.Durable = 6;
        links.ForwardDurable();
        Assert.Single(host.Challenge.Contributed);
    }

    [Fact]
    public async Task A_failed_contribution_is_sent_again_when_the_retry_timer_fires()
    {
        var (game, host, links) = Attached();
        game.RevealNow();
        links.NoteProgress(1);
        host.Durable = 1;
        host.Challenge.Fails = true;

        links.ForwardDurable();
        var (due, retry) = Assert.Single(host.Timers.Started);
        Assert.Equal(SessionLinks.ForwardRetry, due);
        Assert.Empty(host.Challenge.Contributed);

        host.Challenge.Fails = false;
        await retry();
        Assert.Single(host.Challenge.Contributed);
    }

    [Fact]
    public void An_older_view_never_replaces_a_newer_one()
    {
        var (_, host, links) = Attached();

        links.ChallengeChanged(FakeChallenge.View(3));
        links.ChallengeChanged(FakeChallenge.View(2));
        links.ChallengeChanged(FakeChallenge.View(3) with { ChallengeId = Guid.NewGuid() });

        Assert.Equal([3], host.Shown.Select(v => v.Version));
        Assert.Equal(3, links.ChallengeView!.Version);
    }

    [Fact]
    public async Task An_attachment_that_cannot_be_stored_is_undone_and_another_challenge_is_refused()
    {
        var (_, host, links) = Attached();
        host.State.ChallengeId = null;
        host.StoreFails = true;

        var failed = await links.Attach(ChallengeId);
        Assert.Equal("storage-unavailable", failed.Error);
        Assert.Null(host.State.ChallengeId);

        host.StoreFails = false;
        Assert.True((await links.Attach(ChallengeId)).Ok);
        Assert.True((await links.Attach(ChallengeId)).Ok);
        Assert.Equal("challenge-already-attached", (await links.Attach(Guid.NewGuid())).Error);
        Assert.Equal(ChallengeId, host.State.ChallengeId);
    }

    [Fact]
    public void Final_results_go_to_the_profiles_once_stored_and_the_flag_is_stored()
    {
        var game = new TestGame(Make.Single());
        var (seat, _) = game.Session.Join("Zoé", TestGame.TokenOf("Zoé"), Guid.NewGuid());
        game.Start();
        game.Accepted(seat!, Answers.Choice(1));
        game.RevealNow();
        Assert.Null(game.Session.End(game.Now));
        var host = new Host();
        host.State.Game = game.Session;
        var links = host.Links(game);

        links.NoteProgress(9);
        host.Durable = 8;
        links.ForwardDurable();
        Assert.Empty(host.Learner.Recorded);

        host.Durable = 9;
        links.ForwardDurable();
        Assert.Single(host.Learner.Recorded);
        Assert.True(host.State.ProfilesRecorded);
        Assert.Equal(1, host.Stores);
    }
}
