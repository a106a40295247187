using LearnGame.Domain.Questions;
using LearnGame.Domain.Sessions;
using LearnGame.Domain.Teams;
using LearnGame.Grains.Abstractions.Sessions;
using LearnGame.Testing;

namespace LearnGame.FunctionalTests.Grains;

/// <summary>Team rounds on a real Orleans cluster: many members voting at once, every vote counted in its team's consensus.</summary>
[Collection(ClusterCollection.Name)]
public sealed class TeamGrainTests(ClusterFixture fixture)
{
    private const string HostToken = "host-token-for-team-tests";

    [Fact]
    public async Task Forty_members_voting_and_changing_their_votes_at_once_all_count_in_their_teams_consensus()
    {
        var session = fixture.Client.GetGrain<ISessionGrain>(Guid.NewGuid());
        var options = new SessionOptions { CloseWhenAllAnswered = false, SpeedScoring = false, Teams = new TeamOptions { Formation = TeamFormation.Auto, Size = 4 } };
        Assert.True((await session.Create(TestQuizzes.Cooperative(), options, "654321", HostToken)).Ok);
        var seats = new List<JoinResult>();
        for (var i = 0; i < 40; i++) seats.Add(await session.Join($"Membre {i}"));
        Assert.True((await session.Control(HostToken, new StartCommand())).Ok);

        // Everyone votes 0 and, at the same time, half of each team changes its vote to the right answer, 1.
        var now = fixture.Time.GetUtcNow();
        var first = await Task.WhenAll(seats.Select(s => session.SubmitAnswer(s.SeatId, 0, $"v{s.SeatId}", new Answer { Choices = [0] }, now)));
        Assert.All(first, a => Assert.True(a.Ok, a.Error));
        var snapshot = (await session.Snapshot())!;
        var teamOf = snapshot.Learners.ToDictionary(l => l.SeatId, l => l.TeamId!.Value);
        var changers = teamOf.GroupBy(p => p.Value).SelectMany(team => team.Select(p => p.Key).Order().Take(team.Count() / 2 + 1)).ToHashSet();
        var changed = await Task.WhenAll(changers.Select(id => session.SubmitAnswer(id, 0, $"w{id}", new Answer { Choices = [1] }, now)));
        Assert.All(changed, a => Assert.True(a.Ok && !a.Repeat, a.Error));

        Assert.True((await session.Control(HostToken, new RevealCommand())).Ok);

        var reveal = (await session.Snapshot())!.Reveal!;
        Assert.Equal(10, reveal.Teams!.Count);
        Assert.All(reveal.Teams, t =>
        {
            Assert.Equal(4, t.Votes);
            Assert.Equal([1], t.Answer!.Choices!); // three votes of four changed to 1
            Assert.True(t.Correct);
            Assert.Equal(1000, t.Points);
        });
        Assert.Equal(40, reveal.AnsweredCount);
    }
}
