using LearnGame.Testing;

namespace LearnGame.FunctionalTests.Hosting;

/// <summary>A started server plays its in-memory warm-up game by itself, in the background.</summary>
[Collection(ServerCollection.Name)]
public sealed class WarmUpTests(ServerFixture fixture)
{
    [Fact]
    public async Task A_started_server_warms_up_by_itself_and_says_so_once()
    {
        var line = await fixture.Server.Logs.FirstAsync(l => l.Contains("Warmed up:", StringComparison.Ordinal)).WaitAsync(TimeSpan.FromMinutes(1));

        Assert.StartsWith("Information ", line);
        Assert.Matches("a session of [0-9]+ events played in memory in [0-9]+ ms", line);
        Assert.DoesNotContain(fixture.Server.Logs.Lines, l => l.Contains("The warm-up failed", StringComparison.Ordinal));
    }
}
