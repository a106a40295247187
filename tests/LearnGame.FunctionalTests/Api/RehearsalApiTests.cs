using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LearnGame.Grains.Abstractions.Sessions;
using LearnGame.Testing;

namespace LearnGame.FunctionalTests.Api;

/// <summary>Rehearsal bots: a trainer alone adds bot learners that join over the hub and answer every question.</summary>
[Collection(ServerCollection.Name)]
public sealed class RehearsalApiTests(ServerFixture fixture)
{
    private ServerHost Server => fixture.Server;

    [Fact]
    public async Task A_trainer_adds_three_bots_that_join_and_answer_so_the_question_closes_by_itself()
    {
        await using var room = await Classroom.Open(Server, 0, closeWhenAllAnswered: true);
        using var http = Server.CreateHttpClient();
        http.DefaultRequestHeaders.Add("X-Host-Token", room.Created.HostToken);

        var response = await http.PostAsync($"/api/sessions/{room.Created.SessionId}/bots?count=3", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((3, 3), (body.GetProperty("added").GetInt32(), body.GetProperty("bots").GetInt32()));
        var lobby = await room.Trainer.WaitFor(SessionEvents.Lobby, p => p.GetProperty("count").GetInt32() == 3);
        Assert.Equal(["Robot 1", "Robot 2", "Robot 3"], lobby.Payload.GetProperty("learners").EnumerateArray().Select(l => l.GetProperty("nickname").GetString()));

        Assert.True((await room.Trainer.Do("Start")).Ok);
        var reveal = await room.Trainer.WaitForReveal(0);
        Assert.Equal(3, reveal.Payload.GetProperty("answeredCount").GetInt32());
        Assert.True((await room.Trainer.Do("End")).Ok);
    }

    [Theory]
    [InlineData(null, "count=2", HttpStatusCode.Forbidden, "forbidden")]
    [InlineData("wrong-token", "count=2", HttpStatusCode.Forbidden, "forbidden")]
    [InlineData("host", "count=0", HttpStatusCode.BadRequest, "bots-count-invalid")]
    [InlineData("host", "count=51", HttpStatusCode.BadRequest, "bots-count-invalid")]
    public async Task Bots_need_the_host_token_and_a_sensible_count(string? token, string query, HttpStatusCode status, string code)
    {
        await using var room = await Classroom.Open(Server, 0);
        using var http = Server.CreateHttpClient();
        if (token is not null) http.DefaultRequestHeaders.Add("X-Host-Token", token == "host" ? room.Created.HostToken : token);

        var response = await http.PostAsync($"/api/sessions/{room.Created.SessionId}/bots?{query}", null);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(code, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        Assert.DoesNotContain(room.Trainer.Named(SessionEvents.Lobby), e => e.Payload.GetProperty("count").GetInt32() > 0);
    }

    [Fact]
    public void A_bot_answer_is_well_formed_for_every_question_type()
    {
        var (quiz, _, _) = TestQuizzes.EveryType();
        var random = new Random(7);
        for (var index = 0; index < quiz.Questions.Count; index++)
        {
            var view = LearnGame.Domain.Sessions.Views.QuestionView.Of(quiz.Questions[index], index, quiz.Questions.Count, shuffleSeed: 3);
            using var json = JsonDocument.Parse(JsonSerializer.Serialize(view, LearnGame.Domain.Quizzes.QuizJson.Options));
            for (var trial = 0; trial < 20; trial++)
            {
                var node = LearnGame.SimulatedLearners.SimulatedAnswers.Any(json.RootElement, random);
                var answer = node.Deserialize<LearnGame.Domain.Questions.Answer>(LearnGame.Domain.Quizzes.QuizJson.Options)!;
                var question = quiz.Questions[index];
                // Ordering answers are in display ids, as learners send them.
                var authored = question is LearnGame.Domain.Questions.OrderingQuestion o ? o.FromDisplay(answer, 3) : answer;
                Assert.Null(question.CheckShape(authored));
            }
        }
    }
}
