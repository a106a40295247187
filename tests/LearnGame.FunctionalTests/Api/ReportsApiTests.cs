using LearnGame.FunctionalTests;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LearnGame.Domain.Questions;
using LearnGame.Testing;

namespace LearnGame.FunctionalTests.Api;

[Collection(ServerCollection.Name)]
public sealed class ReportsApiTests(ServerFixture fixture)
{
    private ServerHost Server => fixture.Server;

    private async Task<Classroom> PlayedRoom()
    {
        var room = await Classroom.Open(Server, 0);
        await room.AddLearner("Zoé");
        await room.AddLearner("Léo");
        await room.AddLearner("Inès");
        await room.Start();
        // Zoé right, Léo wrong (choice 2), Inès wrong (choice 2): choice 2 is the likely misconception.
        await room.Learners[0].Answer(0, new Answer { Choices = [1] });
        await room.Learners[1].Answer(0, new Answer { Choices = [2] });
        await room.Learners[2].Answer(0, new Answer { Choices = [2] });
        await room.Trainer.Do("Reveal");
        await room.Trainer.WaitForReveal(0);
        return room;
    }

    [Fact]
    public async Task The_trainer_gets_a_report_per_question_and_per_learner()
    {
        await using var room = await PlayedRoom();
        using var http = Server.CreateHttpClient();
        http.DefaultRequestHeaders.Add("X-Host-Token", room.Created.HostToken);

        var report = await http.GetFromJsonAsync<JsonElement>($"/api/sessions/{room.Created.SessionId}/report");

        var question = report.GetProperty("questions")[0];
        Assert.Equal(3, question.GetProperty("answeredCount").GetInt32());
        Assert.Equal(1, question.GetProperty("correctCount").GetInt32());
        Assert.Equal(33.3, question.GetProperty("percentCorrect").GetDouble());
        Assert.Equal("2", question.GetProperty("mostChosenWrongAnswer").GetString());
        Assert.Equal(2, question.GetProperty("mostChosenWrongCount").GetInt32());
        var learners = report.GetProperty("learners").EnumerateArray().ToList();
        Assert.Equal("Zoé", learners[0].GetProperty("nickname").GetString());
        Assert.Equal(1, learners[0].GetProperty("rank").GetInt32());
        Assert.Equal(1, learners[0].GetProperty("correctCount").GetInt32());
        Assert.True(learners[0].GetProperty("score").GetInt32() > 0);
    }

    [Fact]
    public async Task The_csv_downloads_open_in_french_excel()
    {
        await using var room = await PlayedRoom();
        using var http = Server.CreateHttpClient();
        http.DefaultRequestHeaders.Add("X-Host-Token", room.Created.HostToken);

        var bytes = await http.GetByteArrayAsync($"/api/sessions/{room.Created.SessionId}/report/learners.csv?separator=semicolon");

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes.Take(3));
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("rank;nickname;score;correct", lines[0]);
        Assert.StartsWith("1;Zoé;", lines[1]);
        Assert.Equal(4, lines.Length);
        var questions = await http.GetStringAsync($"/api/sessions/{room.Created.SessionId}/report/questions.csv");
        Assert.Contains("question,type,text", questions);
    }

    [Fact]
    public async Task Without_the_host_token_the_report_is_forbidden()
    {
        await using var room = await PlayedRoom();
        using var http = Server.CreateHttpClient();
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync($"/api/sessions/{room.Created.SessionId}/report")).StatusCode);
        http.DefaultRequestHeaders.Add("X-Host-Token", room.Learners[0].SeatToken);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync($"/api/sessions/{room.Created.SessionId}/report/learners.csv")).StatusCode);
    }
}
