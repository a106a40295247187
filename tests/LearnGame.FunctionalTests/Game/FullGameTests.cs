using System.Text.Json;
using Bogus;
using LearnGame.Domain.Questions;
using LearnGame.Domain.Sessions;
using LearnGame.FunctionalTests;
using LearnGame.Grains.Abstractions.Sessions;
using LearnGame.Testing;

namespace LearnGame.FunctionalTests.Game;

[Collection(ServerCollection.Name)]
public sealed class FullGameTests(ServerFixture fixture)
{
    private ServerHost Server => fixture.Server;

    [Fact]
    public async Task A_trainer_and_five_learners_play_a_whole_game_with_every_question_type()
    {
        var (quiz, right, wrong) = TestQuizzes.EveryType();
        var created = await TrainerApi.CreateSession(Server, new { quiz = System.Text.Json.Nodes.JsonNode.Parse(LearnGame.Domain.Quizzes.QuizJson.Write(quiz)), options = new { speedScoring = true, closeWhenAllAnswered = true } });
        Assert.Matches("^[0-9]{6}$", created.JoinCode);

        await using var trainer = await GameClient.Connect(Server);
        var hosted = await trainer.Host(created.SessionId, created.HostToken);
        Assert.True(hosted.Ok, hosted.Message);
        Assert.Equal(SessionPhase.Lobby, hosted.Snapshot!.Phase);

        var faker = new Faker("fr");
        var names = Enumerable.Range(1, 5).Select(i => $"{faker.Name.FirstName()} {i}").ToList();
        var learners = new List<GameClient>();
        foreach (var name in names)
        {
            var learner = await GameClient.Connect(Server);
            var joined = await learner.Join(created.JoinCode, name);
            Assert.True(joined.Ok, joined.Message);
            Assert.False(string.IsNullOrEmpty(joined.SeatToken));
            learner.SeatId = joined.SeatId;
            learner.SeatToken = joined.SeatToken;
            learners.Add(learner);
        }
        await trainer.WaitFor(SessionEvents.Lobby, p => p.GetProperty("count").GetInt32() == 5);

        Assert.True((await trainer.Do("Start")).Ok);
        var totals = new int[learners.Count];
        for (var q = 0; q < quiz.Questions.Count; q++)
        {
            var question = await learners[0].WaitForQuestion(q);
            Assert.True(question.Payload.GetProperty("deadline").GetDateTimeOffset() > question.Payload.GetProperty("serverNow").GetDateTimeOffset());
            // Learner i answers right when i is even; every learner answers so the question closes at once.
            for (var i = 0; i < learners.Count; i++)
            {
                await learners[i].WaitForQuestion(q);
                var ack = await learners[i].Answer(q, AnswerFor(quiz.Questions[q], question.Payload, i % 2 == 0, i % 2 == 0 ? right[q] : wrong[q]));
                Assert.True(ack.Ok, $"question {q}, learner {i}: {ack.Error}");
            }
            var reveal = await trainer.WaitForReveal(q);
            Assert.Equal(learners.Count, reveal.Payload.GetProperty("answeredCount").GetInt32());
            for (var i = 0; i < learners.Count; i++)
            {
                var result = (await learners[i].WaitForResult(q)).Payload;
                var graded = quiz.Questions[q].IsGraded;
                Assert.Equal(graded && i % 2 == 0, result.GetProperty("correct").GetBoolean());
                totals[i] += result.GetProperty("points").GetInt32();
                Assert.Equal(totals[i], result.GetProperty("score").GetInt32());
            }
            Assert.True((await trainer.Do("Next")).Ok);
            await trainer.WaitFor(SessionEvents.Leaderboard, p => true);
            Assert.True((await trainer.Do("Next")).Ok);
        }

        var podium = await trainer.WaitFor(SessionEvents.Podium);
        var top = podium.Payload.GetProperty("podium").EnumerateArray().ToList();
        Assert.Equal(3, top.Count);
        Assert.Equal(totals.Max(), top[0].GetProperty("score").GetInt32());
        // Each learner's podium carries its own final standing.
        var standing = (await learners[0].WaitFor(SessionEvents.Podium)).Payload.GetProperty(SessionEvents.Standing);
        Assert.Equal(totals[0], standing.GetProperty("score").GetInt32());

        Assert.True((await trainer.Do("Next")).Ok);
        await learners[1].WaitFor(SessionEvents.Ended);

        // The code is released when the session ends: it now leads nowhere, with the generic error.
        await using var late = await GameClient.Connect(Server);
        var refused = await late.Join(created.JoinCode, "Late");
        Assert.Equal("session-not-found", refused.Error);

        foreach (var l in learners) await l.DisposeAsync();
    }

    /// <summary>Ordering items arrive shuffled with display ids: the right answer is read from the question view, as a learner would.</summary>
    private static Answer AnswerFor(Question question, JsonElement payload, bool right, Answer prepared)
    {
        if (question is not OrderingQuestion ordering) return prepared;
        var items = payload.GetProperty("question").GetProperty("items").EnumerateArray()
            .Select(i => (Id: i.GetProperty("id").GetInt32(), Text: i.GetProperty("text").GetString()!)).ToList();
        var inOrder = items.OrderBy(i => ordering.Items.ToList().IndexOf(i.Text)).Select(i => i.Id).ToArray();
        return new Answer { Order = right ? inOrder : inOrder.Reverse().ToArray() };
    }

    /// <summary>
    /// As the reveal its results, each learner's copy of a leaderboard and of the end carries its own standing, and only
    /// its own; the trainer's has none, and no standing comes as an event of its own (outside team changes).
    /// </summary>
    [Fact]
    public async Task Each_learners_ranking_carries_its_own_standing_and_the_trainers_none()
    {
        var (quiz, right, _) = TestQuizzes.EveryType();
        var created = await TrainerApi.CreateSession(Server, new { quiz = System.Text.Json.Nodes.JsonNode.Parse(LearnGame.Domain.Quizzes.QuizJson.Write(quiz)) });
        await using var trainer = await GameClient.Connect(Server);
        await trainer.Host(created.SessionId, created.HostToken);
        await using var a = await GameClient.Connect(Server);
        await using var b = await GameClient.Connect(Server);
        var seatA = (await a.Join(created.JoinCode, "Alice")).SeatId;
        var seatB = (await b.Join(created.JoinCode, "Bob")).SeatId;
        await trainer.Do("Start");
        var question = await a.WaitForQuestion(0);
        Assert.True((await a.Answer(0, AnswerFor(quiz.Questions[0], question.Payload, true, right[0]))).Ok);
        await trainer.Do("Reveal");
        await trainer.WaitForReveal(0);
        Assert.True((await trainer.Do("Next")).Ok);

        var boardA = await a.WaitFor(SessionEvents.Leaderboard);
        var boardB = await b.WaitFor(SessionEvents.Leaderboard);
        var trainersBoard = await trainer.WaitFor(SessionEvents.Leaderboard);
        Assert.Equal((seatA, 1), (boardA.Payload.GetProperty("standing").GetProperty("seatId").GetInt32(), boardA.Payload.GetProperty("standing").GetProperty("rank").GetInt32()));
        Assert.Equal((seatB, 2), (boardB.Payload.GetProperty("standing").GetProperty("seatId").GetInt32(), boardB.Payload.GetProperty("standing").GetProperty("rank").GetInt32()));
        Assert.False(trainersBoard.Payload.TryGetProperty(SessionEvents.Standing, out _));
        Assert.Equal(boardA.Payload.GetProperty("top").GetRawText(), trainersBoard.Payload.GetProperty("top").GetRawText());

        Assert.True((await trainer.Do("End")).Ok);
        var endA = await a.WaitFor(SessionEvents.Ended);
        var trainersEnd = await trainer.WaitFor(SessionEvents.Ended);
        Assert.Equal(seatA, endA.Payload.GetProperty("standing").GetProperty("seatId").GetInt32());
        Assert.False(trainersEnd.Payload.TryGetProperty(SessionEvents.Standing, out _));
        // The end is the last event each connection gets: a separate standing would have come before it.
        await b.WaitFor(SessionEvents.Ended);
        Assert.All(new[] { a, b, trainer }, client => Assert.Empty(client.Named(SessionEvents.Standing)));
    }

    /// <summary>
    /// Each learner's copy of the reveal carries its own result, and only its own: one message per learner (the reveal
    /// and then a result each made the last phones of a large session get the reveal late); the trainer's has none.
    /// </summary>
    [Fact]
    public async Task Personal_results_reach_only_their_owner_inside_their_reveal()
    {
        var created = await TrainerApi.CreateSession(Server, new { demo = "en" });
        await using var trainer = await GameClient.Connect(Server);
        await trainer.Host(created.SessionId, created.HostToken);
        await using var a = await GameClient.Connect(Server);
        await using var b = await GameClient.Connect(Server);
        await a.Join(created.JoinCode, "Alice");
        await b.Join(created.JoinCode, "Bob");
        await trainer.Do("Start");
        await a.WaitForQuestion(0);
        Assert.True((await a.Answer(0, new Answer { Choices = [0] })).Ok);
        await trainer.Do("Reveal");

        var resultA = await a.WaitForResult(0);
        var resultB = await b.WaitForResult(0);
        var trainersReveal = await trainer.WaitForReveal(0);
        Assert.True(resultA.Payload.GetProperty("answered").GetBoolean());
        Assert.False(resultB.Payload.GetProperty("answered").GetBoolean());
        Assert.False(trainersReveal.Payload.TryGetProperty(SessionEvents.Result, out _));
        Assert.Equal(0, resultA.Payload.GetProperty("questionIndex").GetInt32());
        // The reveal itself is whole in every copy, and comes once; the leaderboard comes after anything sent with it.
        Assert.True((await trainer.Do("Next")).Ok);
        foreach (var client in new[] { a, b, trainer }) await client.WaitFor(SessionEvents.Leaderboard);
        foreach (var client in new[] { a, b, trainer })
        {
            Assert.Single(client.Named(SessionEvents.Reveal));
            Assert.Equal(1, client.Named(SessionEvents.Reveal).Single().Payload.GetProperty("answeredCount").GetInt32());
            Assert.Empty(client.Named(SessionEvents.Result));
        }
    }
}
