using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LearnGame.Domain.Quizzes;
using LearnGame.FunctionalTests;
using LearnGame.Testing;

namespace LearnGame.FunctionalTests.Api;

[Collection(ServerCollection.Name)]
public sealed class LibraryApiTests(ServerFixture fixture)
{
    private HttpClient Trainer(string key = ServerFixture.TrainerKey)
    {
        var http = fixture.Server.CreateHttpClient();
        http.DefaultRequestHeaders.Add("X-Trainer-Key", key);
        return http;
    }

    private static StringContent Json(Quiz quiz) => new(QuizJson.Write(quiz), Encoding.UTF8, "application/json");

    private static async Task<Guid> Create(HttpClient http, Quiz quiz)
    {
        var response = await http.PostAsync("/api/quizzes", Json(quiz));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, body.GetProperty("version").GetInt32());
        return body.GetProperty("quizId").GetGuid();
    }

    [Fact]
    public async Task A_trainer_creates_updates_lists_gets_duplicates_and_deletes_quizzes()
    {
        using var http = Trainer();
        var id = await Create(http, TestQuizzes.Short() with { Title = "Sécurité v1" });

        var updated = await http.PutAsync($"/api/quizzes/{id}", Json(TestQuizzes.Short() with { Title = "Sécurité v2" }));
        Assert.Equal(2, (await updated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());

        var latest = await http.GetFromJsonAsync<JsonElement>($"/api/quizzes/{id}");
        Assert.Equal("Sécurité v2", latest.GetProperty("quiz").GetProperty("title").GetString());
        Assert.Equal(2, latest.GetProperty("latestVersion").GetInt32());
        var first = await http.GetFromJsonAsync<JsonElement>($"/api/quizzes/{id}?version=1");
        Assert.Equal("Sécurité v1", first.GetProperty("quiz").GetProperty("title").GetString());

        var copy = await http.PostAsync($"/api/quizzes/{id}/duplicate", null);
        Assert.Equal(HttpStatusCode.Created, copy.StatusCode);
        var copyId = (await copy.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("quizId").GetGuid();

        var list = (await http.GetFromJsonAsync<JsonElement>("/api/quizzes")).EnumerateArray().Select(q => q.GetProperty("quizId").GetGuid()).ToList();
        Assert.Contains(id, list);
        Assert.Contains(copyId, list);

        Assert.Equal(HttpStatusCode.NoContent, (await http.DeleteAsync($"/api/quizzes/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/quizzes/{id}")).StatusCode);
        list = (await http.GetFromJsonAsync<JsonElement>("/api/quizzes")).EnumerateArray().Select(q => q.GetProperty("quizId").GetGuid()).ToList();
        Assert.DoesNotContain(id, list);
        Assert.Contains(copyId, list);
    }

    [Fact]
    public async Task Another_trainer_space_sees_nothing_of_mine()
    {
        using var mine = Trainer();
        using var theirs = Trainer(ServerFixture.OtherTrainerKey);
        var id = await Create(mine, TestQuizzes.Short());

        Assert.Equal(HttpStatusCode.NotFound, (await theirs.GetAsync($"/api/quizzes/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.PutAsync($"/api/quizzes/{id}", Json(TestQuizzes.Short()))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.DeleteAsync($"/api/quizzes/{id}")).StatusCode);
        var list = (await theirs.GetFromJsonAsync<JsonElement>("/api/quizzes")).EnumerateArray().Select(q => q.GetProperty("quizId").GetGuid());
        Assert.DoesNotContain(id, list);
    }

    [Fact]
    public async Task Without_a_known_trainer_key_the_library_is_closed()
    {
        using var anonymous = fixture.Server.CreateHttpClient();
        var response = await anonymous.GetAsync("/api/quizzes");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("trainer-key-required", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        using var wrong = Trainer("not-a-key");
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.PostAsync("/api/quizzes", Json(TestQuizzes.Short()))).StatusCode);
    }

    [Fact]
    public async Task An_update_against_a_stale_version_is_refused()
    {
        using var http = Trainer();
        var id = await Create(http, TestQuizzes.Short());
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/quizzes/{id}") { Content = Json(TestQuizzes.Short()) };
        request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"1\""));
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(request)).StatusCode);
        var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/quizzes/{id}") { Content = Json(TestQuizzes.Short()) };
        stale.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"1\""));
        var response = await http.SendAsync(stale);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("version-conflict", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task An_invalid_quiz_is_refused_with_its_errors_and_nothing_is_saved()
    {
        using var http = Trainer();
        var before = (await http.GetFromJsonAsync<JsonElement>("/api/quizzes")).GetArrayLength();
        var response = await http.PostAsync("/api/quizzes", new StringContent("{\"title\":\"\",\"language\":\"fr\",\"questions\":[]}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("quiz-invalid", error.GetProperty("error").GetString());
        Assert.Contains(error.GetProperty("details").EnumerateArray(), d => d.GetProperty("code").GetString() == "title-missing");
        Assert.Equal(before, (await http.GetFromJsonAsync<JsonElement>("/api/quizzes")).GetArrayLength());
    }

    [Fact]
    public async Task A_running_session_keeps_the_version_it_started_with()
    {
        using var http = Trainer();
        var id = await Create(http, TestQuizzes.Short() with { Title = "Version one" });
        var response = await http.PostAsJsonAsync("/api/sessions", new { quizId = id });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<TrainerApi.Created>())!;

        await http.PutAsync($"/api/quizzes/{id}", Json(TestQuizzes.Short() with { Title = "Version two" }));

        await using var trainer = await GameClient.Connect(fixture.Server);
        var hosted = await trainer.Host(created.SessionId, created.HostToken);
        Assert.Equal("Version one", hosted.Snapshot!.Title);

        using var anonymous = fixture.Server.CreateHttpClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/sessions", new { quizId = id })).StatusCode);
    }
}
