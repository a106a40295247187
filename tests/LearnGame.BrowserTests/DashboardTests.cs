using LearnGame.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearnGame.BrowserTests;

/// <summary>The Orleans Dashboard in Chromium: the operator types the key once, the page works under its policy.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardTests(BrowserFixture fixture)
{
    private const string Key = "operator-key-for-the-browser-test";

    [Fact]
    public async Task An_operator_opens_the_dashboard_with_the_key_as_password_and_it_renders_without_breaking_its_policy()
    {
        await using var server = new ServerHost(ServerHost.NewDataDirectory(), $"dash-{Guid.NewGuid():N}",
            new Dictionary<string, string> { ["Operations:OperatorKey"] = Key });

        await using (var stranger = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseUrl.ToString() }))
        {
            // Headless Chromium cannot answer the password prompt; its request context shows what it is refused.
            Assert.Equal(401, (await stranger.APIRequest.GetAsync("/dashboard/")).Status);
        }

        // What the browser's password prompt gives: credentials it then sends with every request of the dashboard.
        await using var operatorContext = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseUrl.ToString(),
            HttpCredentials = new HttpCredentials { Username = "operator", Password = Key },
        });
        operatorContext.SetDefaultTimeout(30_000);
        var dashboard = await operatorContext.NewPageAsync();
        var refusals = new List<string>();
        var failed = new List<string>();
        dashboard.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) refusals.Add(message.Text);
        };
        dashboard.Response += (_, response) => { if (response.Status >= 400) failed.Add($"{response.Status} {response.Url}"); };

        var counters = dashboard.WaitForResponseAsync(r => r.Url.EndsWith("/dashboard/DashboardCounters", StringComparison.Ordinal) && r.Status == 200);
        Assert.Equal(200, (await dashboard.GotoAsync("/dashboard/"))!.Status);
        await counters;
        // The menu is drawn by the dashboard's script: it ran.
        await Expect(dashboard.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Silos" })).ToBeVisibleAsync();
        await dashboard.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Silos" }).ClickAsync();
        await Expect(dashboard.Locator("#content")).ToContainTextAsync("Silos");

        Assert.True(refusals.Count == 0, $"the dashboard broke its Content-Security-Policy: {string.Join(", ", refusals)}");
        Assert.True(failed.Count == 0, $"failed requests: {string.Join(", ", failed)}");
    }
}
