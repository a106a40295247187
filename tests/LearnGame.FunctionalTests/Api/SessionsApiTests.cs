using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LearnGame.FunctionalTests;
using LearnGame.Testing;

namespace LearnGame.FunctionalTests.Api;

[Collection(ServerCollection.Name)]
public sealed class SessionsApiTests(ServerFixture fixture)
{
    private ServerHost Server => fixture.Server;

    [Fact]
    public async Task Health_answers_ok_once_the_silo_is_up()
    {
        using var http = Server.CreateHttpClient();
        var response = await http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_demo_quizzes_are_listed_in_french_and_english()
    {
        using var http = Server.CreateHttpClient();
        var list = await http.GetFromJsonAsync<JsonElement>("/api/demo-quizzes");
        var languages = list.EnumerateArray().Select(q => q.GetProperty("language").GetString()).ToList();
        Assert.Equal(["fr", "en"], languages);
        Assert.All(list.EnumerateArray(), q => Assert.True(q.GetProperty("questionCount").GetInt32() >= 7));

        var fr = await http.GetFromJsonAsync<JsonElement>("/api/demo-quizzes/fr");
        Assert.Equal("fr", fr.GetProperty("language").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/demo-quizzes/de")).StatusCode);
    }

    [Fact]
    public async Task Creating_a_session_returns_a_code_a_session_id_and_a_host_token()
    {
        var created = await TrainerApi.CreateSession(Server, new { demo = "fr" });
        Assert.Matches("^[0-9]{6}$", created.JoinCode);
        Assert.NotEqual(Guid.Empty, created.SessionId);
        Assert.True(created.HostToken.Length >= 32);
    }

    [Fact]
    public async Task Live_sessions_never_share_a_join_code()
    {
        var codes = new List<string>();
        for (var i = 0; i < 20; i++) codes.Add((await TrainerApi.CreateSession(Server, new { demo = "en" })).JoinCode);
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    [Fact]
    public async Task An_invalid_quiz_is_refused_with_every_problem_listed()
    {
        using var http = Server.CreateHttpClient();
        var body = new
        {
            quiz = new
            {
                title = "",
                language = "en",
                questions = new object[]
                {
                    new { type = "single", text = "Q", choices = new[] { "a" }, correct = 3, timeLimitSeconds = 2 },
                },
            },
        };
        var response = await http.PostAsJsonAsync("/api/sessions", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("quiz-invalid", error.GetProperty("error").GetString());
        var codes = error.GetProperty("details").EnumerateArray().Select(d => d.GetProperty("code").GetString()).ToList();
        Assert.Contains("title-missing", codes);
        Assert.Contains("time-limit-out-of-range", codes);
        Assert.Contains("choices-count", codes);
    }

    [Theory]
    [InlineData("not json", "json-invalid")]
    [InlineData("[1,2]", "json-invalid")]
    [InlineData("{}", "quiz-missing")]
    [InlineData("{\"demo\":\"de\"}", "quiz-missing")]
    [InlineData("{\"quiz\":{\"title\":\"t\",\"language\":\"en\",\"questions\":[{\"text\":\"no type\"}]}}", "quiz-invalid")]
    [InlineData("{\"demo\":\"fr\",\"options\":{\"speedScoring\":\"maybe\"}}", "options-invalid")]
    [InlineData("{\"demo\":\"fr\",\"options\":{\"teams\":{\"formation\":\"auto\",\"size\":1}}}", "options-invalid")]
    public async Task Malformed_requests_get_a_stable_error_code(string body, string code)
    {
        using var http = Server.CreateHttpClient();
        var response = await http.PostAsync("/api/sessions", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, error.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_over_one_megabyte_is_refused_with_a_413_problem(bool announced)
    {
        using var http = Server.CreateHttpClient();
        var body = "{\"demo\":\"fr\",\"padding\":\"" + new string('x', 1024 * 1024) + "\"}";
        // Announced: the Content-Length says it all. Not announced (chunked): the server stops reading at the limit.
        HttpContent content = announced
            ? new StringContent(body, Encoding.UTF8, "application/json")
            : new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body)));
        if (!announced) content.Headers.ContentType = new("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/sessions") { Content = content };
        if (!announced) request.Headers.TransferEncodingChunked = true;

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("body-too-large", 413), (problem.GetProperty("error").GetString(), problem.GetProperty("status").GetInt32()));
    }

    [Fact]
    public async Task An_error_is_a_problem_document_whose_error_member_is_the_stable_code()
    {
        using var http = Server.CreateHttpClient();

        var response = await http.PostAsync("/api/sessions", new StringContent("{\"quiz\":{\"title\":\"\",\"language\":\"en\",\"questions\":[]}}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("quiz-invalid", problem.GetProperty("error").GetString());
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Equal("The quiz has errors.", problem.GetProperty("detail").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        Assert.Contains(problem.GetProperty("details").EnumerateArray(), d => d.GetProperty("code").GetString() == "title-missing");
    }

    [Fact]
    public async Task A_quiz_can_be_validated_without_creating_a_session()
    {
        using var http = Server.CreateHttpClient();
        var good = await http.GetStringAsync("/api/demo-quizzes/en");
        var ok = await (await http.PostAsync("/api/quizzes/validate", new StringContent(good, Encoding.UTF8, "application/json"))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(ok.GetProperty("valid").GetBoolean());
        var bad = await (await http.PostAsync("/api/quizzes/validate", new StringContent("{\"title\":\"t\",\"language\":\"de\",\"questions\":[]}", Encoding.UTF8, "application/json"))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(bad.GetProperty("valid").GetBoolean());
        Assert.NotEmpty(bad.GetProperty("errors").EnumerateArray());
    }
}
