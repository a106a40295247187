using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using LearnGame.Testing;

namespace LearnGame.FunctionalTests.Api;

/// <summary>The OpenAPI document is generated from the endpoints, and its reference page is served by our server alone.</summary>
[Collection(ServerCollection.Name)]
public sealed partial class OpenApiTests(ServerFixture fixture)
{
    [Fact]
    public async Task The_openapi_document_lists_every_rest_endpoint_with_a_summary()
    {
        using var http = fixture.Server.CreateHttpClient();

        var document = await http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        var expected = new Dictionary<string, string[]>
        {
            ["/api/sessions"] = ["post"],
            ["/api/demo-quizzes"] = ["get"],
            ["/api/quizzes/validate"] = ["post"],
            ["/api/quizzes"] = ["get", "post"],
            ["/api/quizzes/{quizId}"] = ["get", "put", "delete"],
            ["/api/quizzes/import"] = ["post"],
            ["/api/sessions/{sessionId}/report"] = ["get"],
            ["/api/sessions/{sessionId}/bots"] = ["post"],
            ["/api/learners"] = ["post"],
            ["/api/learners/me"] = ["get", "put", "delete"],
            ["/api/challenges"] = ["post"],
            ["/api/challenges/{challengeId}/sessions"] = ["post"],
        };
        foreach (var (path, methods) in expected)
        {
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} is missing");
            foreach (var method in methods)
                Assert.False(string.IsNullOrWhiteSpace(item.GetProperty(method).GetProperty("summary").GetString()), $"{method} {path} has no summary");
        }
        Assert.All(paths.EnumerateObject().Where(p => p.Name.StartsWith("/api/", StringComparison.Ordinal)).SelectMany(p => p.Value.EnumerateObject()),
            operation => Assert.True(operation.Value.TryGetProperty("summary", out _), $"an operation has no summary: {operation.Name}"));
        Assert.False(paths.TryGetProperty("/hubs/game", out _));
    }

    [Fact]
    public async Task The_reference_page_loads_its_scripts_from_our_server_under_a_nonce()
    {
        using var http = fixture.Server.CreateHttpClient();

        var page = await http.GetAsync("/api-reference/");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        var nonce = Nonce().Match(policy).Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.DoesNotContain("unsafe-inline", policy.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal)));
        var html = await page.Content.ReadAsStringAsync();
        var scripts = Script().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(scripts);
        foreach (var script in scripts)
        {
            Assert.DoesNotContain("//", script);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api-reference/" + script)).StatusCode);
        }
        Assert.All(Regex.Matches(html, "<script[^>]*>").Select(m => m.Value), tag => Assert.Contains($"nonce=\"{nonce}\"", tag));
        // The nonce is new on every request.
        var again = (await http.GetAsync("/api-reference/")).Headers.GetValues("Content-Security-Policy").Single();
        Assert.NotEqual(nonce, Nonce().Match(again).Groups[1].Value);
    }

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex Nonce();

    [GeneratedRegex("<script[^>]* src=\"([^\"]+)\"")]
    private static partial Regex Script();
}
