using LearnGame.Domain.Challenges;
using LearnGame.Domain.Learners;
using LearnGame.Domain.Questions;
using LearnGame.Domain.Sessions;
using LearnGame.Grains.Abstractions.Challenges;
using LearnGame.Grains.Abstractions.Learners;
using LearnGame.Grains.Abstractions.Sessions;
using LearnGame.Testing;

namespace LearnGame.FunctionalTests.Grains;

[Collection(ClusterCollection.Name)]
public sealed class ProfileAndChallengeGrainTests(ClusterFixture fixture)
{
    private const string HostToken = "host-token-for-tests";
    private const string Space = "space-for-tests";

    private async Task<ILearnerGrain> NewLearner(string name)
    {
        var learner = fixture.Client.GetGrain<ILearnerGrain>(LearnerToken.IdOf(SecretToken.New()));
        Assert.True((await learner.Create(name)).Ok);
        return learner;
    }

    private async Task<ISessionGrain> NewSession()
    {
        var session = fixture.Client.GetGrain<ISessionGrain>(Guid.NewGuid());
        Assert.True((await session.Create(TestQuizzes.Short(), new SessionOptions { CloseWhenAllAnswered = false }, "123456", HostToken)).Ok);
        return session;
    }

    private async Task<IChallengeGrain> NewChallenge(ChallengeGoal goal)
    {
        var challenge = fixture.Client.GetGrain<IChallengeGrain>(Guid.NewGuid());
        Assert.True((await challenge.Create(Space, "Objectif classe", goal)).Ok);
        return challenge;
    }

    private async Task PlayToPodium(ISessionGrain session, Func<int, JoinResult, int> choice, params JoinResult[] seats)
    {
        Assert.True((await session.Control(HostToken, new StartCommand())).Ok);
        for (var q = 0; q < 3; q++)
        {
            foreach (var seat in seats)
                Assert.True((await session.SubmitAnswer(seat.SeatId, q, $"a{q}-{seat.SeatId}", new Answer { Choices = [choice(q, seat)] }, fixture.Time.GetUtcNow())).Ok);
            Assert.True((await session.Control(HostToken, new RevealCommand())).Ok);
            Assert.True((await session.Control(HostToken, new NextCommand())).Ok);
            Assert.True((await session.Control(HostToken, new NextCommand())).Ok);
        }
        Assert.Equal(SessionPhase.Podium, (await session.Snapshot())!.Phase);
    }

    [Fact]
    public async Task At_the_podium_each_profiled_seat_gets_its_results_and_a_reactivated_session_does_not_count_them_twice()
    {
        var learner = await NewLearner("Zoé");
        var session = await NewSession();
        var zoe = await session.JoinWithProfile("Zoé", learner.GetPrimaryKey());
        var marc = await session.Join("Marc");
        await PlayToPodium(session, (q, seat) => seat == zoe ? 1 : q % 2, zoe, marc);

        await Eventually.True(async () => (await learner.Get()).Profile!.History.Count == 1, "the results reach the profile");
        var profile = (await learner.Get()).Profile!;
        Assert.Equal(5 + 30 + 20, profile.Xp); // three right: a perfect game
        Assert.True(profile.HasBadge(Badge.PerfectGame));
        Assert.Equal([true, true, true], profile.History[0].Outcome.Questions.Select(q => q.Correct));

        // The session is re-activated (as after a crash) and ended: nothing is counted again.
        await fixture.Cluster.DeactivateAsync(session);
        await fixture.Cluster.WaitForDeactivationAsync(session);
        Assert.True((await session.Control(HostToken, new NextCommand())).Ok);
        Assert.Equal(profile.Xp, (await learner.Get()).Profile!.Xp);
        // A delivery retried by hand is refused by the profile itself.
        await learner.Record(profile.History[0].Outcome);
        Assert.Single((await learner.Get()).Profile!.History);
    }

    [Fact]
    public async Task Results_whose_write_failed_are_counted_exactly_once_when_sent_again()
    {
        var learner = await NewLearner("Zoé");
        var outcome = new SessionOutcome(Guid.NewGuid(), "Quiz", fixture.Time.GetUtcNow(), "Zoé", 900, 1, 3, 1, false,
            [new QuestionOutcome(0, true, true, true, 900)]);

        fixture.Storage.Failing = true;
        try
        {
            await Assert.ThrowsAnyAsync<Exception>(() => learner.Record(outcome));
        }
        finally
        {
            fixture.Storage.Failing = false;
        }
        await learner.Record(outcome);
        await learner.Record(outcome);

        await fixture.Cluster.DeactivateAsync(learner);
        await fixture.Cluster.WaitForDeactivationAsync(learner);
        var profile = (await learner.Get()).Profile!;
        Assert.Single(profile.History);
        Assert.Equal(5 + 10, profile.Xp);
    }

    [Fact]
    public async Task Erasing_a_learner_anonymises_its_seat_in_the_sessions_it_joined_and_deletes_the_profile()
    {
        var learner = await NewLearner("Zoé");
        var session = await NewSession();
        var zoe = await session.JoinWithProfile("Zoé", learner.GetPrimaryKey());
        Assert.True(await learner.Attend(session.GetPrimaryKey()));
        var marc = await session.Join("Marc");
        await PlayToPodium(session, (_, _) => 1, zoe, marc);
        await Eventually.True(async () => (await learner.Get()).Profile!.History.Count == 1, "the results reach the profile");
        var before = (await session.Report(HostToken)).Report!;

        Assert.True((await learner.Erase()).Ok);

        Assert.Equal("learner-not-found", (await learner.Get()).Error);
        Assert.Null(await learner.Export());
        var after = (await session.Report(HostToken)).Report!;
        Assert.DoesNotContain(after.Learners, l => l.Nickname == "Zoé");
        Assert.Contains(after.Learners, l => l.Nickname == "Anonymous 1");
        Assert.Equal(before.Questions.Select(q => q.CorrectCount), after.Questions.Select(q => q.CorrectCount));
        Assert.False((await session.Rejoin(zoe.SeatToken!)).Ok);
    }

    [Fact]
    public async Task Many_sessions_contributing_at_once_with_duplicates_are_each_counted_once()
    {
        var challenge = await NewChallenge(new ChallengeGoal(GoalKind.CorrectAnswers, 10_000));
        var sessions = Enumerable.Range(0, 40).Select(_ => Guid.NewGuid()).ToList();
        // Each session contributes three questions, and sends each twice, all at the same time.
        var calls = sessions.SelectMany(s => Enumerable.Range(0, 3).Select(q => new Contribution(s, q, 10, q + 1)))
            .SelectMany(c => new[] { c, c })
            .Select(c => challenge.Contribute([c]));

        await Task.WhenAll(calls);

        var view = (await challenge.Get(Space)).View!;
        Assert.Equal(40 * (1 + 2 + 3), view.Current);
        Assert.Equal(40, view.Sessions);
    }

    [Fact]
    public async Task A_contribution_whose_write_failed_counts_exactly_once_when_retried()
    {
        var challenge = await NewChallenge(new ChallengeGoal(GoalKind.CorrectAnswers, 100));
        var contribution = new Contribution(Guid.NewGuid(), 0, 10, 6);

        fixture.Storage.Failing = true;
        try
        {
            await Assert.ThrowsAnyAsync<Exception>(() => challenge.Contribute([contribution]));
        }
        finally
        {
            fixture.Storage.Failing = false;
        }
        // The retry reaches an activation that starts from storage, where nothing was counted.
        var retried = await challenge.Contribute([contribution]);
        var again = await challenge.Contribute([contribution]);

        Assert.Equal(6, retried!.Current);
        Assert.Equal(6, again!.Current);
        // And it is stored, not only in memory.
        await fixture.Cluster.DeactivateAsync(challenge);
        await fixture.Cluster.WaitForDeactivationAsync(challenge);
        Assert.Equal(6, (await challenge.Get(Space)).View!.Current);
    }

    [Fact]
    public async Task Two_attached_sessions_contribute_their_closed_questions_reach_the_goal_and_reward_their_profiled_learners()
    {
        var challenge = await NewChallenge(new ChallengeGoal(GoalKind.CorrectAnswers, 5));
        var (first, second) = (await NewSession(), await NewSession());
        var learner = await NewLearner("Zoé");
        var zoe = await first.JoinWithProfile("Zoé", learner.GetPrimaryKey());
        var marc = await first.Join("Marc");
        var ines = await second.Join("Inès");
        Assert.True((await challenge.Attach(Space, first.GetPrimaryKey(), HostToken)).Ok);
        Assert.True((await challenge.Attach(Space, second.GetPrimaryKey(), HostToken)).Ok);
        Assert.Equal("forbidden", (await challenge.Attach(Space, second.GetPrimaryKey(), "wrong")).Error);
        Assert.Equal("challenge-not-found", (await challenge.Attach("another-space", second.GetPrimaryKey(), HostToken)).Error);

        await PlayToPodium(first, (_, _) => 1, zoe, marc); // 6 right
        await Eventually.True(async () => (await challenge.Get(Space)).View!.Current == 6, "the first session's answers are counted");
        Assert.True((await challenge.Get(Space)).View!.Reached);
        await Eventually.True(async () => (await learner.Get()).Profile!.HasBadge(Badge.ChallengeCompleted), "the badge reaches the learner");

        await PlayToPodium(second, (_, _) => 1, ines);
        await Eventually.True(async () => (await challenge.Get(Space)).View!.Current == 9, "the second session's answers are counted");
        // Both sessions show the joint progress.
        await Eventually.True(async () => (await first.Snapshot())!.Challenge?.Current == 9, "the first session sees the joint progress");
        Assert.Equal(9, (await second.Snapshot())!.Challenge!.Current);
    }
}
