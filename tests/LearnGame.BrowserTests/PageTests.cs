using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace LearnGame.BrowserTests;

/// <summary>The app's pages outside a game: language, security headers, mistakes people make.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Every_page_is_served_by_our_server_under_a_strict_content_security_policy()
    {
        await using var person = await Person.OpenAsync(fixture, "visitor", Person.Phone);
        foreach (var path in new[] { "/", "/play", "/host", "/screen" })
        {
            var response = await person.Page.GotoAsync(path);
            Assert.Equal(200, response!.Status);
            var policy = response.Headers["content-security-policy"];
            Assert.Contains("default-src 'self'", policy);
            Assert.Contains("script-src 'self';", policy);
            Assert.DoesNotContain("unsafe-inline", policy);
            await Expect(person.Heading).Not.ToBeEmptyAsync();
        }
        person.AssertOnlyOurOriginAndPolicyKept();
    }

    [Fact]
    public async Task The_api_reference_page_renders_from_our_server_alone_under_its_nonce_policy()
    {
        await using var person = await Person.OpenAsync(fixture, "developer", Person.Projector);
        var response = await person.Page.GotoAsync("/api-reference/");
        Assert.Equal(200, response!.Status);
        var policy = response.Headers["content-security-policy"];
        Assert.Matches("script-src 'self' 'nonce-[^']+';", policy);
        Assert.Contains("connect-src 'self';", policy);

        await person.Page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);
        person.AssertOnlyOurOriginAndPolicyKept();
        // The document is fetched and rendered: its title and the endpoints' groups show.
        await Expect(person.Page.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Name = "LearnGame REST API", Level = 1 })).ToBeVisibleAsync();
        await Expect(person.Page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Quiz library", Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_language_follows_the_browser_and_can_be_switched_and_every_string_changes()
    {
        await using var person = await Person.OpenAsync(fixture, "visiteur", Person.Phone, locale: "fr-FR");
        await person.Page.GotoAsync("/play");
        await Expect(person.Heading).ToHaveTextAsync("Rejoindre une partie");
        await Expect(person.Page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await person.CaptureAsync("learner-code-fr");

        await person.Button("English").ClickAsync();
        await Expect(person.Heading).ToHaveTextAsync("Join a game");
        await Expect(person.Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(person.Page.GetByLabel("Game code")).ToBeVisibleAsync();
        // The choice is remembered on this device.
        await person.Page.ReloadAsync();
        await Expect(person.Heading).ToHaveTextAsync("Join a game");
    }

    [Fact]
    public async Task A_wrong_code_is_explained_next_to_the_field_in_the_learners_language()
    {
        await using var person = await Person.OpenAsync(fixture, "visitor", Person.Phone);
        await person.Page.GotoAsync("/play");
        await person.Page.GetByLabel("Game code").FillAsync("12");
        await person.Button("Next").ClickAsync();
        await Expect(person.Page.GetByRole(Microsoft.Playwright.AriaRole.Alert)).ToHaveTextAsync("The code has six digits.");
        await Expect(person.Page.GetByLabel("Game code")).ToHaveAttributeAsync("aria-invalid", "true");
        await person.CaptureAsync("learner-code-error");

        // Six digits but no such game: the server's error code, translated.
        await person.Page.GetByLabel("Game code").FillAsync("000000");
        await person.Button("Next").ClickAsync();
        await person.Page.GetByLabel("Nickname").FillAsync("Zoé");
        await person.Button("Join the game").ClickAsync();
        await Expect(person.Page.GetByRole(Microsoft.Playwright.AriaRole.Alert)).ToHaveTextAsync(new Regex("^No game with this code"));
        person.AssertOnlyOurOriginAndPolicyKept();
    }
}
