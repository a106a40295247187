namespace LearnGame.Testing;

/// <summary>One server shared by the tests of the "server" collection, started once.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    /// <summary>Two trainer keys the shared server accepts, each opening its own quiz library space.</summary>
    public const string TrainerKey = "trainer-key-for-tests-1";
    public const string OtherTrainerKey = "trainer-key-for-tests-2";

    public ServerHost Server { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Server = new ServerHost(ServerHost.NewDataDirectory(), $"test-{Guid.NewGuid():N}", new Dictionary<string, string>
        {
            ["Library:TrainerKeys:0"] = TrainerKey,
            ["Library:TrainerKeys:1"] = OtherTrainerKey,
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
