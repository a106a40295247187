using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LearnGame.Domain.Questions;
using LearnGame.FunctionalTests;
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

    [Fact]
    public async Task After_a_team_game_the_report_has_each_team_and_a_teams_csv()
    {
        await using var room = await Classroom.Open(Server, 0, options: new { speedScoring = false, closeWhenAllAnswered = false, teams = new { formation = "choose", count = 2 } });
        foreach (var name in new[] { "Zoé", "Léo", "Inès" }) await room.AddLearner(name);
        Assert.True((await room.Learners[0].Do("ChooseTeam", 2)).Ok);
        Assert.True((await room.Learners[1].Do("ChooseTeam", 2)).Ok);
        Assert.True((await room.Learners[2].Do("ChooseTeam", 1)).Ok);
        await room.Start();
        await room.Learners[0].Answer(0, new Answer { Choices = [1] });
        await room.Learners[1].Answer(0, new Answer { Choices = [1] });
        await room.Learners[2].Answer(0, new Answer { Choices = [0] });
        await room.Trainer.Do("Reveal");
        await room.Trainer.WaitForReveal(0);
        using var http = Server.CreateHttpClient();
        http.DefaultRequestHeaders.Add("X-Host-Token", room.Created.HostToken);

        var report = await http.GetFromJsonAsync<JsonElement>($"/api/sessions/{room.Created.SessionId}/report");
        var csv = await http.GetStringAsync($"/api/sessions/{room.Created.SessionId}/report/teams.csv?separator=semicolon");

        var first = report.GetProperty("teams")[0];
        Assert.Equal(2, first.GetProperty("teamId").GetInt32());
        Assert.Equal(1000, first.GetProperty("score").GetInt32());
        Assert.Equal(["Zoé", "Léo"], first.GetProperty("members").EnumerateArray().Select(m => m.GetString()));
        Assert.True(first.GetProperty("rounds")[0].GetProperty("correct").GetBoolean());
        Assert.Equal(2, report.GetProperty("learners")[0].GetProperty("teamId").GetInt32());
        var lines = csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("rank;team;score;roundsWon;members;q1Won;q1Points", lines[0].TrimEnd('\r'));
        Assert.StartsWith("1;Lynxes;1000;1;", lines[1]); // the test quiz is in English
        var learners = await http.GetStringAsync($"/api/sessions/{room.Created.SessionId}/report/learners.csv");
        Assert.Contains("totalTimeMs,team,", learners);
    }

    [Fact]
    public async Task An_individual_game_has_no_teams_csv()
    {
        await using var room = await PlayedRoom();
        using var http = Server.CreateHttpClient();
        http.DefaultRequestHeaders.Add("X-Host-Token", room.Created.HostToken);
        var response = await http.GetAsync($"/api/sessions/{room.Created.SessionId}/report/teams.csv");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("not-team-game", await response.Content.ReadAsStringAsync());
    }
}
