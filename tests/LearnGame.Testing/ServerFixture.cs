namespace LearnGame.Testing;

/// <summary>One server shared by the tests of the "server" collection, started once.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public ServerHost Server { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Server = new ServerHost(ServerHost.NewDataDirectory(), $"test-{Guid.NewGuid():N}");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
