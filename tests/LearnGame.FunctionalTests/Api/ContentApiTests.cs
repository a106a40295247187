using LearnGame.FunctionalTests;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
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
}
