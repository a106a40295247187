using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LearnGame.FunctionalTests;
using LearnGame.Testing;

namespace LearnGame.FunctionalTests.Api;

/// <summary>The import and export endpoints over HTTP.</summary>
[Collection(ServerCollection.Name)]
public sealed class ContentApiTests(ServerFixture fixture)
{
    private ServerHost Server => fixture.Server;

    private static StringContent Text(string text) => new(text, Encoding.UTF8, "text/plain");

    [Fact]
    public async Task Importing_gift_returns_the_quiz_and_a_warning_for_each_skipped_item()
    {
        using var http = Server.CreateHttpClient();
        var gift = "Le casque est obligatoire. {T ####Toujours.}\n\nDécrivez votre poste. {}\n";
        var response = await http.PostAsync("/api/quizzes/import?format=gift&title=Chantier&language=fr", Text(gift));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var quiz = body.GetProperty("quiz");
        Assert.Equal("Chantier", quiz.GetProperty("title").GetString());
        var question = Assert.Single(quiz.GetProperty("questions").EnumerateArray());
        Assert.Equal(("trueFalse", "Toujours."), (question.GetProperty("type").GetString(), question.GetProperty("explanation").GetString()));
        var warning = Assert.Single(body.GetProperty("warnings").EnumerateArray());
        Assert.Equal(("gift-essay-skipped", 3), (warning.GetProperty("code").GetString(), warning.GetProperty("line").GetInt32()));
    }

    [Fact]
    public async Task A_failed_import_answers_400_with_every_error_and_its_line()
    {
        using var http = Server.CreateHttpClient();
        var csv = "type;question;choice1;choice2;correct\nsingle;Q1;a;b;9\nquiz;Q2;a;b;1\n";
        var response = await http.PostAsync("/api/quizzes/import?format=csv&title=T", Text(csv));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("import-failed", error.GetProperty("error").GetString());
        var details = error.GetProperty("details").EnumerateArray()
            .Select(d => (d.GetProperty("line").GetInt32(), d.GetProperty("path").GetString(), d.GetProperty("code").GetString())).ToList();
        Assert.Equal([(2, "correct", "csv-correct-invalid"), (3, "type", "csv-type-unknown")], details);
    }

    [Theory]
    [InlineData("/api/quizzes/import?format=docx", "format-unsupported")]
    [InlineData("/api/quizzes/import?format=gift&language=de", "language-unsupported")]
    [InlineData("/api/quizzes/export?format=pdf", "format-unsupported")]
    public async Task Unknown_formats_and_languages_are_refused(string url, string code)
    {
        using var http = Server.CreateHttpClient();
        var response = await http.PostAsync(url, Text("{}"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_file_over_one_megabyte_is_refused()
    {
        using var http = Server.CreateHttpClient();
        var response = await http.PostAsync("/api/quizzes/import?format=aiken", Text(new string('x', 1024 * 1024 + 1)));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Exporting_to_gift_gives_utf8_text_that_imports_back_to_the_same_quiz()
    {
        using var http = Server.CreateHttpClient();
        var quiz = await http.GetStringAsync("/api/demo-quizzes/fr");
        var exported = await http.PostAsync("/api/quizzes/export?format=gift", new StringContent(quiz, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, exported.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", exported.Content.Headers.ContentType!.ToString());
        var gift = await exported.Content.ReadAsStringAsync();

        var imported = await http.PostAsync("/api/quizzes/import?format=gift", Text(gift));
        var body = await imported.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Empty(body.GetProperty("warnings").EnumerateArray());
        Assert.Equal(JsonDocument.Parse(quiz).RootElement.GetRawText(), body.GetProperty("quiz").GetRawText());
    }

    [Fact]
    public async Task Exporting_an_invalid_quiz_lists_its_errors()
    {
        using var http = Server.CreateHttpClient();
        var response = await http.PostAsync("/api/quizzes/export?format=json",
            new StringContent("""{"title":"","questions":[]}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("quiz-invalid", error.GetProperty("error").GetString());
        Assert.Contains("title-missing", error.GetProperty("details").EnumerateArray().Select(d => d.GetProperty("code").GetString()));
    }

    private HttpClient Trainer(string key = ServerFixture.TrainerKey)
    {
        var http = Server.CreateHttpClient();
        http.DefaultRequestHeaders.Add("X-Trainer-Key", key);
        return http;
    }

    [Fact]
    public async Task An_import_saved_to_the_library_creates_the_quiz_and_lists_what_was_skipped_and_exports_back_to_gift()
    {
        using var http = Trainer();
        var gift = "::Casque:: Le casque est obligatoire. {T}\n\nDécrivez votre poste. {}\n";
        var response = await http.PostAsync("/api/quizzes/import?format=gift&title=Chantier&save=true", Text(gift));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var quizId = body.GetProperty("quizId").GetGuid();
        Assert.Equal("gift-essay-skipped", body.GetProperty("warnings")[0].GetProperty("code").GetString());

        var listed = await http.GetFromJsonAsync<JsonElement>("/api/quizzes");
        Assert.Contains(listed.EnumerateArray(), q => q.GetProperty("quizId").GetGuid() == quizId);
        var exported = await http.GetStringAsync($"/api/quizzes/{quizId}/export?format=gift");
        Assert.Contains("Le casque est obligatoire.", exported);
        Assert.Contains("{TRUE}", exported, StringComparison.OrdinalIgnoreCase);
        var json = await http.GetFromJsonAsync<JsonElement>($"/api/quizzes/{quizId}/export?format=json&version=1");
        Assert.Equal("Chantier", json.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_failed_import_saves_nothing_and_saving_or_exporting_needs_the_key_of_the_space()
    {
        using var http = Trainer();
        var before = (await http.GetFromJsonAsync<JsonElement>("/api/quizzes")).GetArrayLength();
        var failed = await http.PostAsync("/api/quizzes/import?format=csv&title=T&save=true", Text("type;question\nquiz;Q\n"));
        Assert.Equal(HttpStatusCode.BadRequest, failed.StatusCode);
        Assert.Equal(before, (await http.GetFromJsonAsync<JsonElement>("/api/quizzes")).GetArrayLength());

        using var anonymous = Server.CreateHttpClient();
        var refused = await anonymous.PostAsync("/api/quizzes/import?format=gift&save=true", Text("Q {T}"));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("trainer-key-required", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        var saved = await (await http.PostAsync("/api/quizzes/import?format=gift&title=Mine&save=true", Text("Q {T}"))).Content.ReadFromJsonAsync<JsonElement>();
        var quizId = saved.GetProperty("quizId").GetGuid();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/quizzes/{quizId}/export?format=gift")).StatusCode);
        using var other = Trainer(ServerFixture.OtherTrainerKey);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/quizzes/{quizId}/export?format=gift")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync($"/api/quizzes/{quizId}/export?format=pdf")).StatusCode);
    }
}
