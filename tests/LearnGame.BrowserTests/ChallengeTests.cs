using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearnGame.BrowserTests;

/// <summary>A learner keeps a profile in the browser; the projector shows a shared challenge's goal bar.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ChallengeTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_learner_who_keeps_its_progress_plays_toward_a_class_goal_shown_on_the_projector_and_earns_the_badge()
    {
        await using var trainer = await Person.OpenAsync(fixture, "trainer", Person.Projector);
        await using var screen = await Person.OpenAsync(fixture, "projector", Person.Projector);
        await using var ana = await Person.OpenAsync(fixture, "Ana", Person.Phone);
        var code = await Game.CreateAsync(trainer);
        var hosted = JsonDocument.Parse(await trainer.Page.EvaluateAsync<string>("() => localStorage.getItem('lg.host')")).RootElement;

        using var http = fixture.Server.CreateHttpClient();
        http.DefaultRequestHeaders.Add("X-Trainer-Key", BrowserFixture.TrainerKey);
        var created = await http.PostAsync("/api/challenges", new StringContent(
            """{ "title": "Class goal", "goal": { "kind": "correctAnswers", "target": 1 } }""", Encoding.UTF8, "application/json"));
        var challengeId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("challengeId").GetString();
        using var attach = new HttpRequestMessage(HttpMethod.Post, $"/api/challenges/{challengeId}/sessions")
        {
            Content = new StringContent($$"""{ "sessionId": "{{hosted.GetProperty("sessionId").GetString()}}" }""", Encoding.UTF8, "application/json"),
        };
        attach.Headers.Add("X-Host-Token", hosted.GetProperty("hostToken").GetString());
        (await http.SendAsync(attach)).EnsureSuccessStatusCode();

        var screenUrl = await trainer.Page.GetByRole(AriaRole.Link, new() { Name = "Open the projector screen" }).GetAttributeAsync("href");
        await screen.Page.GotoAsync(screenUrl!);
        await Expect(trainer.Page.Locator("#challenge-bar")).ToContainTextAsync("0 of 1 correct answers");

        await ana.Page.GotoAsync($"/play?code={code}");
        await ana.Page.Locator("#nickname").FillAsync("Ana");
        await ana.Page.GetByLabel("Keep my progress on this device").CheckAsync();
        await ana.Page.Locator("form button[type=submit]").ClickAsync();
        await Expect(ana.Heading).ToHaveTextAsync(Words.En.Lobby);
        var token = await ana.Page.EvaluateAsync<string?>("() => localStorage.getItem('lg.learner')");
        Assert.False(string.IsNullOrEmpty(token));
        await Expect(ana.Page.Locator("#challenge-bar")).ToContainTextAsync("Class goal");

        await trainer.Button("Start").ClickAsync();
        await Expect(screen.Page.Locator("#challenge-bar")).ToContainTextAsync("0 of 1 correct answers");
        await Game.AnswerAsync(ana, 0, right: true, Words.En);
        await Expect(screen.Page.Locator("#challenge-bar")).ToContainTextAsync("Goal reached!");
        await Expect(screen.Page.Locator("#challenge-bar progress")).ToHaveAttributeAsync("value", "100");
        await Expect(ana.Page.Locator("#challenge-bar")).ToContainTextAsync("Goal reached!");
        await screen.CaptureAsync("projector-challenge-reached");
        await ana.CaptureAsync("learner-challenge-reached");

        await trainer.Button("End the game").ClickAsync();
        using var learner = fixture.Server.CreateHttpClient();
        learner.DefaultRequestHeaders.Add("X-Learner-Token", token);
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(20);
        JsonElement profile;
        do
        {
            profile = await learner.GetFromJsonAsync<JsonElement>("/api/learners/me");
            if (profile.GetProperty("sessions").GetArrayLength() == 1) break;
            await Task.Delay(100);
        } while (DateTimeOffset.UtcNow < deadline);
        Assert.Equal("Ana", profile.GetProperty("displayName").GetString());
        Assert.Equal(1, profile.GetProperty("sessions").GetArrayLength());
        Assert.Contains(profile.GetProperty("badges").EnumerateArray(), b => b.GetProperty("code").GetString() == "challenge-completed");
    }
}
