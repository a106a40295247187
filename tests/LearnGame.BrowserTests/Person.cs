using System.Text.Json;
using Microsoft.Playwright;

namespace LearnGame.BrowserTests;

/// <summary>
/// One person in front of one browser (its own context: its own storage, like its own device). It records every request
/// that leaves our origin and every Content-Security-Policy refusal, checks pages with axe-core and takes screenshots.
/// </summary>
public sealed class Person : IAsyncDisposable
{
    public static readonly (int Width, int Height) Phone = (375, 812);
    public static readonly (int Width, int Height) Projector = (1920, 1080);

    private readonly IBrowserContext _context;
    private readonly Uri _origin;
    private readonly List<string> _foreignRequests = [];
    private readonly List<string> _cspRefusals = [];
    private (int Width, int Height) _size;

    public IPage Page { get; }
    public string Name { get; }

    private Person(string name, IBrowserContext context, IPage page, Uri origin, (int, int) size)
    {
        Name = name; _context = context; Page = page; _origin = origin; _size = size;
        context.Request += (_, request) =>
        {
            var url = new Uri(request.Url);
            if (url.Scheme is "blob" or "data") return;
            if (url.Scheme is "ws" or "wss" ? url.Authority != origin.Authority : !SameOrigin(url, origin)) _foreignRequests.Add(request.Url);
        };
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) _cspRefusals.Add(message.Text);
        };
    }

    private static bool SameOrigin(Uri a, Uri b) => a.Scheme == b.Scheme && a.Authority == b.Authority;

    public static Task<Person> OpenAsync(BrowserFixture fixture, string name, (int Width, int Height) size, string locale = "en-US") =>
        OpenAsync(fixture, fixture.Server.BaseUrl, name, size, locale);

    /// <summary>A person using another server than the fixture's (one a test breaks on purpose).</summary>
    public static async Task<Person> OpenAsync(BrowserFixture fixture, Uri server, string name, (int Width, int Height) size, string locale = "en-US")
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.ToString(),
            ViewportSize = new ViewportSize { Width = size.Width, Height = size.Height },
            Locale = locale,
        });
        // Long enough for a slow shared CI machine, short enough to fail a broken test in reasonable time.
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        return new Person(name, context, page, server, size);
    }

    public async Task<Person> OpenTabAsync(string url)
    {
        var page = await _context.NewPageAsync();
        await page.GotoAsync(url);
        return this;
    }

    /// <summary>Runs axe-core (from the client's own node_modules) on the page as it is now; returns the violations.</summary>
    public async Task<IReadOnlyList<string>> AxeViolationsAsync()
    {
        // Injected through DevTools (EvaluateAsync) rather than a script tag: our Content-Security-Policy rightly refuses
        // inline scripts, and the tests must run the app under that policy.
        if (!await Page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
            await Page.EvaluateAsync(await File.ReadAllTextAsync(Paths.Axe));
        var result = await Page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { resultTypes: ['violations'] })).violations" +
            ".map(v => v.id + ': ' + v.help + ' @ ' + v.nodes.map(n => n.target.join(' ')).join(' | '))");
        return result.EnumerateArray().Select(v => v.GetString()!).ToList();
    }

    /// <summary>Checks accessibility and writes a phone and a projector screenshot of the current state.</summary>
    public async Task CaptureAsync(string state)
    {
        var violations = await AxeViolationsAsync();
        Assert.True(violations.Count == 0, $"{Name} at '{state}': {string.Join(Environment.NewLine, violations)}");
        Directory.CreateDirectory(Paths.Artifacts);
        foreach (var size in new[] { Phone, Projector })
        {
            await Page.SetViewportSizeAsync(size.Width, size.Height);
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Paths.Artifacts, $"{state}-{size.Width}x{size.Height}.png"), FullPage = true });
        }
        await Page.SetViewportSizeAsync(_size.Width, _size.Height);
    }

    public void AssertOnlyOurOriginAndPolicyKept()
    {
        Assert.True(_foreignRequests.Count == 0, $"{Name} requested other origins: {string.Join(", ", _foreignRequests)}");
        Assert.True(_cspRefusals.Count == 0, $"{Name}'s page broke the Content-Security-Policy: {string.Join(", ", _cspRefusals)}");
    }

    public ILocator Heading => Page.Locator("main h1");

    public ILocator Button(string name) => Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = name, Exact = true });

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}

public static class Paths
{
    public static string Root { get; } = FindRoot();
    public static string Artifacts => Path.Combine(Root, "test-artifacts", "browser");
    public static string Axe => Path.Combine(Root, "client", "node_modules", "axe-core", "axe.min.js");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "LearnGame.sln"))) return dir.FullName;
        throw new InvalidOperationException("LearnGame.sln not found above the test binaries.");
    }
}
