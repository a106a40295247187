using LearnGame.Testing;
using Microsoft.Playwright;

namespace LearnGame.BrowserTests;

/// <summary>One real server and one Chromium for every browser test; each person in a test gets its own context.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Debian's Chromium: Playwright cannot download its own browser here (scripts/test.sh installs it).</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>A trainer key the browser tests' server accepts (shared challenges need one).</summary>
    public const string TrainerKey = "browser-trainer-key";

    public ServerHost Server { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    private IPlaywright _playwright = null!;

    public async Task InitializeAsync()
    {
        // Assertions wait for the page; a shared two-core CI machine can be slow, so they wait long before failing.
        Assertions.SetDefaultExpectTimeout(20_000);
        Server = new ServerHost(ServerHost.NewDataDirectory(), $"browser-{Guid.NewGuid():N}",
            new Dictionary<string, string> { ["Library:TrainerKeys:0"] = TrainerKey });
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await Server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
