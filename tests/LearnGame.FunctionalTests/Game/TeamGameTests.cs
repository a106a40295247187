using System.Text.Json;
using LearnGame.Domain.Questions;
using LearnGame.Domain.Quizzes;
using LearnGame.Grains.Abstractions.Sessions;
using LearnGame.Testing;

namespace LearnGame.FunctionalTests.Game;

/// <summary>Teams over the real hub: choosing, renaming and moving, team results, consensus votes, peer instruction.</summary>
[Collection(ServerCollection.Name)]
public sealed class TeamGameTests(ServerFixture fixture)
{
    private ServerHost Server => fixture.Server;

    private static int[] TeamIds(JsonElement lobby) =>
        lobby.GetProperty("learners").EnumerateArray().Select(l => l.TryGetProperty("teamId", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetInt32() : 0).ToArray();

    [Fact]
    public async Task Learners_choose_their_teams_the_trainer_renames_one_and_the_game_ends_on_a_team_podium()
    {
        await using var room = await Classroom.Open(Server, 4, TestQuizzes.Short(),
            options: new { closeWhenAllAnswered = true, speedScoring = false, teams = new { formation = "choose", count = 2 } });
        var (trainer, learners) = (room.Trainer, room.Learners);
        await trainer.WaitFor(SessionEvents.Lobby, p => p.GetProperty("teams").GetArrayLength() == 2);

        Assert.True((await learners[0].Do("ChooseTeam", 1)).Ok);
        Assert.True((await learners[1].Do("ChooseTeam", 1)).Ok);
        Assert.True((await learners[2].Do("ChooseTeam", 2)).Ok);
        Assert.Equal("team-not-found", (await learners[3].Do("ChooseTeam", 3)).Error);
        // Team actions of the trainer are forbidden to learners, and renaming checks the name.
        Assert.Equal("forbidden", (await learners[3].Do("MoveToTeam", learners[0].SeatId, 2)).Error);
        Assert.Equal("forbidden", (await learners[3].Do("RenameTeam", 1, "Pirates")).Error);
        Assert.Equal("team-name-invalid", (await trainer.Do("RenameTeam", 2, "  ")).Error);
        Assert.True((await trainer.Do("RenameTeam", 2, "Les Aigles")).Ok);
        await trainer.WaitFor(SessionEvents.Lobby, p =>
            p.GetProperty("teams")[1].GetProperty("name").GetString() == "Les Aigles" && TeamIds(p).SequenceEqual([1, 1, 2, 0]));

        await room.Start();
        // The learner who did not choose joined the smallest team, and is told so before the first question.
        await trainer.WaitFor(SessionEvents.Lobby, p => TeamIds(p).SequenceEqual([1, 1, 2, 2]));
        await learners[3].WaitFor(SessionEvents.Standing, p => p.GetProperty("teamId").GetInt32() == 2);

        for (var q = 0; q < 3; q++)
        {
            foreach (var (learner, i) in learners.Select((l, i) => (l, i)))
            {
                await learner.WaitForQuestion(q);
                Assert.True((await learner.Answer(q, new Answer { Choices = [i == 2 ? 0 : 1] })).Ok);
            }
            var reveal = (await trainer.WaitForReveal(q)).Payload;
            Assert.Equal(2, reveal.GetProperty("teams").GetArrayLength());
            var result = (await learners[3].WaitForResult(q)).Payload.GetProperty("team");
            Assert.Equal(2, result.GetProperty("teamId").GetInt32());
            Assert.Equal("Les Aigles", result.GetProperty("name").GetString());
            if (q == 0)
            {
                // A learner who reconnects is still in its team.
                await using var back = await GameClient.Connect(Server);
                var rejoined = await back.Rejoin(room.Created.SessionId, learners[3].SeatToken);
                Assert.Equal(2, rejoined.Snapshot!.You!.Standing.TeamId);
            }
            Assert.True((await trainer.Do("Next")).Ok);
            Assert.True((await trainer.Do("Next")).Ok);
        }

        var podium = (await trainer.WaitFor(SessionEvents.Podium)).Payload;
        var teams = podium.GetProperty("leaderboard").GetProperty("teams").EnumerateArray().ToList();
        // Both members of team 1 right: 1000, 1100, 1200 (streak). Team 2: one of two right, half of that.
        Assert.Equal([1, 2], teams.Select(t => t.GetProperty("teamId").GetInt32()));
        Assert.Equal([3300, 1650], teams.Select(t => t.GetProperty("score").GetInt32()));
    }

    [Fact]
    public async Task In_a_consensus_round_only_teammates_see_a_vote_and_the_team_is_scored_on_its_answer()
    {
        await using var room = await Classroom.Open(Server, 4, TestQuizzes.Cooperative(),
            options: new { closeWhenAllAnswered = true, speedScoring = false, teams = new { formation = "auto", size = 2 } });
        await room.Start();
        var lobby = (await room.Trainer.WaitFor(SessionEvents.Lobby, p => TeamIds(p).All(t => t > 0))).Payload;
        var teamOf = TeamIds(lobby);
        var question = (await room.Learners[0].WaitForQuestion(0)).Payload.GetProperty("question");
        Assert.True(question.GetProperty("collaborative").GetBoolean());
        var a = room.Learners[0];
        var b = room.Learners[Array.FindIndex(teamOf, 1, t => t == teamOf[0])];
        var others = room.Learners.Where(l => l != a && l != b).ToList();

        Assert.True((await a.Answer(0, new Answer { Choices = [0] }, "a-first")).Ok);
        await b.WaitFor(SessionEvents.TeamVotes, p => HasVote(p, a.SeatId, 0));
        Assert.True((await a.Answer(0, new Answer { Choices = [1] }, "a-second")).Ok);
        Assert.True((await b.Answer(0, new Answer { Choices = [1] }, "b-first")).Ok);
        await a.WaitFor(SessionEvents.TeamVotes, p => HasVote(p, a.SeatId, 1) && HasVote(p, b.SeatId, 1));
        Assert.True((await others[0].Answer(0, new Answer { Choices = [2] }, "c-first")).Ok);
        Assert.True((await others[1].Answer(0, new Answer { Choices = [3] }, "d-first")).Ok);
        await others[0].WaitFor(SessionEvents.TeamVotes, p => HasVote(p, others[1].SeatId, 3));
        await others[1].WaitFor(SessionEvents.TeamVotes, p => HasVote(p, others[1].SeatId, 3));
        // Everyone voted, yet a consensus round waits for its deadline or the trainer: the trainer's count of four
        // answers comes after anything the last answer sent.
        await room.Trainer.WaitFor(SessionEvents.AnswerCount, p => p.GetProperty("answered").GetInt32() == 4);
        Assert.Empty(room.Trainer.Named(SessionEvents.Reveal));
        Assert.All(others, o => Assert.DoesNotContain(o.Named(SessionEvents.TeamVotes), e => HasVote(e.Payload, a.SeatId, 1)));

        Assert.True((await room.Trainer.Do("Reveal")).Ok);

        var reveal = (await room.Trainer.WaitForReveal(0)).Payload;
        var byTeam = reveal.GetProperty("teams").EnumerateArray().ToDictionary(t => t.GetProperty("teamId").GetInt32());
        var winners = byTeam[teamOf[0]];
        Assert.Equal([1], winners.GetProperty("answer").GetProperty("choices").EnumerateArray().Select(c => c.GetInt32()));
        Assert.Equal(1000, winners.GetProperty("points").GetInt32());
        var losers = byTeam.Values.Single(t => t.GetProperty("teamId").GetInt32() != teamOf[0]);
        Assert.Equal([2], losers.GetProperty("answer").GetProperty("choices").EnumerateArray().Select(c => c.GetInt32())); // the tie goes to the first vote
        Assert.False(losers.GetProperty("correct").GetBoolean());
        var aResult = (await a.WaitForResult(0)).Payload;
        Assert.True(aResult.GetProperty("correct").GetBoolean());
        Assert.True(aResult.GetProperty("ownVoteCorrect").GetBoolean());

        // Moved by the trainer, a learner is told its new team at once.
        var otherTeam = teamOf.First(t => t != teamOf[0]);
        Assert.True((await room.Trainer.Do("MoveToTeam", a.SeatId, otherTeam)).Ok);
        await a.WaitFor(SessionEvents.Standing, p => p.GetProperty("teamId").GetInt32() == otherTeam);
    }

    [Fact]
    public async Task A_peer_instruction_question_votes_discusses_revotes_and_reveals_both_votes()
    {
        var quiz = new Quiz("Peer", QuizLanguage.En, [TestQuizzes.Cooperative().Questions[1]]);
        await using var room = await Classroom.Open(Server, 3, quiz, closeWhenAllAnswered: true, speedScoring: false);
        await room.Start();
        var first = (await room.Learners[0].WaitForQuestion(0)).Payload.GetProperty("question");
        Assert.Equal(1, first.GetProperty("stage").GetInt32());
        int[] firstVotes = [0, 2, 1], secondVotes = [2, 2, 3];
        for (var i = 0; i < 3; i++) Assert.True((await room.Learners[i].Answer(0, new Answer { Choices = [firstVotes[i]] }, $"first-{i}")).Ok);

        // Everyone voted: the first vote closes into the discussion, with no reveal.
        var discussion = (await room.Learners[2].WaitFor(SessionEvents.Discussion)).Payload;
        Assert.True(discussion.GetProperty("deadline").GetDateTimeOffset() > discussion.GetProperty("serverNow").GetDateTimeOffset());
        await room.Trainer.WaitFor(SessionEvents.Discussion);
        Assert.Empty(room.Trainer.Named(SessionEvents.Reveal));
        Assert.True((await room.Trainer.Do("Next")).Ok);
        foreach (var l in room.Learners) await l.WaitFor(SessionEvents.Question, p => p.GetProperty("question").GetProperty("stage").GetInt32() == 2);
        for (var i = 0; i < 3; i++) Assert.True((await room.Learners[i].Answer(0, new Answer { Choices = [secondVotes[i]] }, $"second-{i}")).Ok);

        var reveal = (await room.Trainer.WaitForReveal(0)).Payload;
        Assert.Equal(1, reveal.GetProperty("firstCorrectCount").GetInt32());
        Assert.Equal(1, reveal.GetProperty("changedTowardCorrect").GetInt32());
        Assert.Equal(1, reveal.GetProperty("firstDistribution").GetProperty("0").GetInt32());
        Assert.Equal(2, reveal.GetProperty("distribution").GetProperty("2").GetInt32());
        Assert.Equal(1000, (await room.Learners[0].WaitForResult(0)).Payload.GetProperty("points").GetInt32());
    }

    private static bool HasVote(JsonElement votes, int seatId, int choice) =>
        votes.GetProperty("votes").EnumerateArray().Any(v => v.GetProperty("seatId").GetInt32() == seatId
            && v.TryGetProperty("answer", out var answer) && answer.ValueKind == JsonValueKind.Object && answer.GetProperty("choices")[0].GetInt32() == choice);
}
