namespace LearnGame.Testing;

/// <summary>
/// A PostgreSQL server for tests that need one: LEARNGAME_POSTGRES when set (CI starts one), otherwise a throwaway
/// server of our own from scripts/postgres.sh, in a folder of its own, stopped with <see cref="DisposeAsync"/>.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private string? _ownFolder;

    public string ConnectionString { get; private set; } = "";

    /// <summary>A server of this test's own even when LEARNGAME_POSTGRES names a shared one: a test that stops the database needs one.</summary>
    public static async Task<PostgresServer> StartPrivate()
    {
        var server = new PostgresServer { _private = true };
        await server.InitializeAsync();
        return server;
    }

    private bool _private;

    /// <summary>Stops the server, keeping its data, as a database that goes down would (own servers only).</summary>
    public Task Pause() => Script(_ownFolder is null ? throw new InvalidOperationException("Not our server to stop.") : "pause");

    /// <summary>Starts a paused server again on the same port.</summary>
    public Task Resume() => Script(_ownFolder is null ? throw new InvalidOperationException("Not our server to start.") : "resume");

    public async Task InitializeAsync()
    {
        if (!_private && Environment.GetEnvironmentVariable("LEARNGAME_POSTGRES") is { Length: > 0 } shared)
        {
            ConnectionString = shared;
            return;
        }
        _ownFolder = Path.Combine(Path.GetTempPath(), $"learngame-pg-{Guid.NewGuid():N}");
        ConnectionString = (await Script("start")).Trim().Split('\n')[^1];
    }

    public async Task DisposeAsync()
    {
        if (_ownFolder is null) return;
        await Script("stop");
        File.Delete(_ownFolder + ".lock"); // scripts/postgres.sh serialises its callers on this file, next to the server's folder
    }

    private async Task<string> Script(string verb)
    {
        var run = await Repository.RunScriptAsync("scripts/postgres.sh",
            new Dictionary<string, string?> { ["LEARNGAME_PG_DIR"] = _ownFolder!, ["LEARNGAME_POSTGRES"] = null }, [verb]);
        if (run.ExitCode != 0) throw new InvalidOperationException($"scripts/postgres.sh {verb} failed: {run.Error}");
        return run.Output;
    }
}
