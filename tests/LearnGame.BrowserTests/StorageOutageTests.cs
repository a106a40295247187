using System.Text.RegularExpressions;
using LearnGame.Testing;
using static Microsoft.Playwright.Assertions;

namespace LearnGame.BrowserTests;

/// <summary>The database of the server goes down mid-question: the pages say so, and the answer is locked in once it is back.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StorageOutageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task While_the_database_is_down_pages_show_saving_delayed_and_the_answer_is_locked_in_once_it_is_back()
    {
        // This test stops its database: a PostgreSQL of its own, and a server of its own on it.
        var postgres = await PostgresServer.StartPrivate();
        try
        {
            var data = ServerHost.NewDataDirectory();
            await using var server = new ServerHost(data, $"browser-outage-{Guid.NewGuid():N}", new Dictionary<string, string>
            {
                ["Storage:Provider"] = "postgres",
                ["Storage:ConnectionString"] = postgres.ConnectionString,
                ["Orleans:ServiceId"] = ServerHost.ServiceIdFor(data),
            });
            await using var trainer = await Person.OpenAsync(fixture, server.BaseUrl, "trainer", Person.Projector);
            await using var ana = await Person.OpenAsync(fixture, server.BaseUrl, "Ana", Person.Phone);
            await using var ben = await Person.OpenAsync(fixture, server.BaseUrl, "Ben", Person.Phone);
            var code = await Game.CreateAsync(trainer);
            await Game.JoinAsync(ana, code, "Ana", Words.En);
            await Game.JoinAsync(ben, code, "Ben", Words.En);
            await trainer.Button("Start").ClickAsync();
            await Expect(ana.Heading).ToHaveTextAsync(Game.QuestionTexts[0]);

            await postgres.Pause();
            await ana.Button("Mars").ClickAsync();

            // Said, not silent: the answer is not locked in yet, and everyone sees the server is retrying.
            await Expect(ana.Page.Locator("#connection")).ToHaveTextAsync(new Regex("saving delayed"));
            await Expect(trainer.Page.Locator("#connection")).ToHaveTextAsync(new Regex("saving delayed"));
            await Expect(ana.Page.GetByRole(Microsoft.Playwright.AriaRole.Alert)).ToHaveTextAsync(new Regex("keeps retrying"));
            await Expect(ana.Heading).ToHaveTextAsync(Game.QuestionTexts[0]);

            await postgres.Resume();
            await Expect(ana.Heading).ToHaveTextAsync("Answer locked in");
            await Expect(ana.Page.Locator("#connection")).ToHaveTextAsync(new Regex("^. Connected$"));
            await Expect(trainer.Page.Locator("#connection")).ToHaveTextAsync(new Regex("^. Connected$"));
            await Expect(trainer.Page.Locator("#answered")).ToHaveTextAsync("1 of 2 answered");
        }
        finally
        {
            await postgres.DisposeAsync();
        }
    }
}
