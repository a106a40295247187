using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using LearnGame.Server.Extensions;
using LearnGame.Testing;

namespace LearnGame.FunctionalTests.Hosting;

/// <summary>A server with an operator key, shared by the dashboard tests that need one.</summary>
public sealed class OperatorServerFixture : IAsyncLifetime
{
    public const string Key = "operator-key-7f3e9c1d-do-not-log";

    public ServerHost Server { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Server = new ServerHost(ServerHost.NewDataDirectory(), $"dash-{Guid.NewGuid():N}",
            new Dictionary<string, string> { ["Operations:OperatorKey"] = Key, ["Logging:LogLevel:Default"] = "Debug" });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>/dashboard: the Orleans Dashboard, open only to the operator key.</summary>
public sealed class DashboardTests(OperatorServerFixture fixture) : IClassFixture<OperatorServerFixture>
{
    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    [Theory]
    [InlineData("/dashboard/")]
    [InlineData("/dashboard/DashboardCounters")]
    [InlineData("/dashboard/GrainTypes")]
    [InlineData("/dashboard/no-such-page")]
    public async Task Without_the_key_the_dashboard_answers_401_and_shows_nothing(string path)
    {
        using var http = fixture.Server.CreateHttpClient();
        var response = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Basic", response.Headers.WwwAuthenticate.Single().Scheme);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal("operator-key-required", JsonDocument.Parse(body).RootElement.GetProperty("error").GetString());
        Assert.DoesNotContain("Orleans", body);
    }

    [Fact]
    public async Task A_wrong_key_gets_the_same_401_as_no_key_by_header_or_by_basic_authentication()
    {
        using var none = fixture.Server.CreateHttpClient();
        var missing = await (await none.GetAsync("/dashboard/DashboardCounters")).Content.ReadAsStringAsync();

        using var header = fixture.Server.CreateHttpClient();
        header.DefaultRequestHeaders.Add(DashboardExtensions.Header, OperatorServerFixture.Key + "x");
        var byHeader = await header.GetAsync("/dashboard/DashboardCounters");

        using var basic = fixture.Server.CreateHttpClient();
        basic.DefaultRequestHeaders.Authorization = Basic("operator", OperatorServerFixture.Key[..^1]);
        var byBasic = await basic.GetAsync("/dashboard/DashboardCounters");

        using var garbage = fixture.Server.CreateHttpClient();
        garbage.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Basic not-base64!");
        var byGarbage = await garbage.GetAsync("/dashboard/DashboardCounters");

        foreach (var response in new[] { byHeader, byBasic, byGarbage })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal(missing, await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task The_right_key_opens_the_page_and_its_data_by_header_or_by_basic_authentication()
    {
        using var header = fixture.Server.CreateHttpClient();
        header.DefaultRequestHeaders.Add(DashboardExtensions.Header, OperatorServerFixture.Key);
        var page = await header.GetAsync("/dashboard/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Orleans Dashboard", await page.Content.ReadAsStringAsync());
        // The dashboard's own policy on its path, no caching of what the operator saw.
        Assert.Equal(DashboardExtensions.ContentSecurityPolicy, page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.True(page.Headers.CacheControl!.NoStore);

        // What a browser does after the Basic prompt: any user name, the key as password, on every request of the page.
        using var browser = fixture.Server.CreateHttpClient();
        browser.DefaultRequestHeaders.Authorization = Basic("anyone", OperatorServerFixture.Key);
        // The dashboard grain gathers its counters every second; the silo shows up in them soon after start.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        int hosts;
        do
        {
            var counters = await browser.GetAsync("/dashboard/DashboardCounters");
            Assert.Equal(HttpStatusCode.OK, counters.StatusCode);
            hosts = JsonDocument.Parse(await counters.Content.ReadAsStringAsync()).RootElement.GetProperty("hosts").GetArrayLength();
            if (hosts == 0) await Task.Delay(200);
        }
        while (hosts == 0 && DateTime.UtcNow < deadline);
        Assert.Equal(1, hosts);
        var script = await browser.GetAsync("/dashboard/index.min.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);

        // The app keeps its strict policy everywhere else.
        var home = await browser.GetAsync("/");
        Assert.Equal(ClientExtensions.ContentSecurityPolicy, home.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task The_operator_key_never_appears_in_the_logs()
    {
        using var http = fixture.Server.CreateHttpClient();
        http.DefaultRequestHeaders.Authorization = Basic("operator", OperatorServerFixture.Key);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/dashboard/ClusterStats")).StatusCode);
        using var wrong = fixture.Server.CreateHttpClient();
        wrong.DefaultRequestHeaders.Add(DashboardExtensions.Header, OperatorServerFixture.Key + "-wrong");
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync("/dashboard/ClusterStats")).StatusCode);

        Assert.NotEmpty(fixture.Server.Logs.Lines);
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes($"operator:{OperatorServerFixture.Key}"));
        Assert.DoesNotContain(fixture.Server.Logs.Lines, line => line.Contains(OperatorServerFixture.Key) || line.Contains(base64));
    }
}

/// <summary>Without Operations:OperatorKey the dashboard does not exist.</summary>
[Collection(ServerCollection.Name)]
public sealed class DashboardDisabledTests(ServerFixture fixture)
{
    [Theory]
    [InlineData("/dashboard")]
    [InlineData("/dashboard/")]
    [InlineData("/dashboard/DashboardCounters")]
    public async Task Without_an_operator_key_the_dashboard_is_not_found_whatever_is_presented(string path)
    {
        using var http = fixture.Server.CreateHttpClient();
        http.DefaultRequestHeaders.Add(DashboardExtensions.Header, "");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("operator:")));
        var response = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
