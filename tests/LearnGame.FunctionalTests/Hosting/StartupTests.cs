using LearnGame.Testing;

namespace LearnGame.FunctionalTests.Hosting;

/// <summary>Bad configuration stops start-up with one clear message, not a stack trace.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task An_unknown_storage_provider_stops_start_up_with_one_clear_line()
    {
        var (code, output) = await ServerProcess.RunToExit("--Storage:Provider", "mysql", "--urls", $"http://127.0.0.1:{ServerHost.FreePort()}");
        Assert.Equal(2, code);
        Assert.Contains("LearnGame cannot start: Storage:Provider is \"mysql\"; it must be \"sqlite\" or \"postgres\".", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Theory]
    [InlineData("CheckEvery", "00:00:10", "Retention:CheckEvery is 00:00:10; Orleans reminders need at least 00:01:00.")]
    [InlineData("EndedSessions", "-1.00:00:00", "Retention:EndedSessions is -1.00:00:00; it must not be negative")]
    [InlineData("EndedSessions", "thirty days", "are durations written d.hh:mm:ss")]
    public async Task A_retention_setting_that_cannot_work_stops_start_up_with_one_clear_line(string key, string value, string message)
    {
        var (code, output) = await ServerProcess.RunToExit($"--Retention:{key}", value, "--Storage:DataDirectory", ServerHost.NewDataDirectory(), "--urls", $"http://127.0.0.1:{ServerHost.FreePort()}");
        Assert.Equal(2, code);
        Assert.Contains($"LearnGame cannot start: ", output);
        Assert.Contains(message, output);
        Assert.DoesNotContain("   at ", output);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("ten")]
    [InlineData("601")]
    public async Task A_send_timeout_outside_one_to_six_hundred_seconds_stops_start_up_with_one_clear_line(string value)
    {
        var (code, output) = await ServerProcess.RunToExit("--Realtime:SendTimeoutSeconds", value, "--Storage:DataDirectory", ServerHost.NewDataDirectory(),
            "--urls", $"http://127.0.0.1:{ServerHost.FreePort()}");
        Assert.Equal(2, code);
        Assert.Contains($"LearnGame cannot start: Realtime:SendTimeoutSeconds is \"{value}\"; it must be a whole number of seconds from 1 to 600.", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task Bad_keys_in_several_sections_are_each_named_on_their_own_line()
    {
        var (code, output) = await ServerProcess.RunToExit("--Storage:Provider", "mysql", "--Retention:CheckEvery", "00:00:10",
            "--Orleans:AdvertisedAddress", "nowhere", "--urls", $"http://127.0.0.1:{ServerHost.FreePort()}");
        Assert.Equal(2, code);
        var lines = output.Split('\n').Where(l => l.Contains("LearnGame cannot start: ")).ToList();
        Assert.Equal(3, lines.Count);
        Assert.Contains(lines, l => l.Contains("Storage:Provider is \"mysql\""));
        Assert.Contains(lines, l => l.Contains("Retention:CheckEvery is 00:00:10"));
        Assert.Contains(lines, l => l.Contains("Orleans:AdvertisedAddress \"nowhere\""));
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task Kubernetes_hosting_on_sqlite_is_refused()
    {
        var (code, output) = await ServerProcess.RunToExit("--Orleans:Kubernetes", "true", "--Storage:DataDirectory", ServerHost.NewDataDirectory(), "--urls", $"http://127.0.0.1:{ServerHost.FreePort()}");
        Assert.Equal(2, code);
        Assert.Contains("LearnGame cannot start: Orleans:Kubernetes is true but Storage:Provider is not postgres", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task Kubernetes_hosting_outside_a_pod_is_refused_before_touching_the_database()
    {
        var (code, output) = await ServerProcess.RunToExit("--Orleans:Kubernetes", "true", "--Storage:Provider", "postgres",
            "--Storage:ConnectionString", $"Host=127.0.0.1;Port={ServerHost.FreePort()};Database=learngame;Username=learngame;Timeout=3",
            "--urls", $"http://127.0.0.1:{ServerHost.FreePort()}");
        Assert.Equal(2, code);
        Assert.Contains("LearnGame cannot start: Orleans:Kubernetes is true but this process does not run in a Kubernetes pod (KUBERNETES_SERVICE_HOST is not set).", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task Postgres_without_a_connection_string_is_refused()
    {
        var (code, output) = await ServerProcess.RunToExit("--Storage:Provider", "postgres", "--urls", $"http://127.0.0.1:{ServerHost.FreePort()}");
        Assert.Equal(2, code);
        Assert.Contains("Storage:ConnectionString is empty", output);
    }

    [Fact]
    public async Task An_unreachable_postgres_stops_start_up_with_one_clear_message()
    {
        var closedPort = ServerHost.FreePort();
        var (code, output) = await ServerProcess.RunToExit("--Storage:Provider", "postgres",
            "--Storage:ConnectionString", $"Host=127.0.0.1;Port={closedPort};Database=learngame;Username=learngame;Timeout=3",
            "--urls", $"http://127.0.0.1:{ServerHost.FreePort()}");
        Assert.Equal(2, code);
        Assert.Contains("LearnGame cannot start:", output);
        Assert.Contains($"127.0.0.1:{closedPort}", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task A_data_directory_that_cannot_be_created_is_named_in_the_message()
    {
        var file = Path.GetTempFileName(); // a file where a folder is expected
        var (code, output) = await ServerProcess.RunToExit("--Storage:DataDirectory", Path.Combine(file, "data"), "--urls", $"http://127.0.0.1:{ServerHost.FreePort()}");
        Assert.Equal(2, code);
        Assert.Contains($"Cannot open the SQLite database in {Path.Combine(file, "data")}", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task Help_lists_the_settings_and_exits()
    {
        var (code, output) = await ServerProcess.RunToExit("--help");
        Assert.Equal(0, code);
        Assert.Contains("--Storage:DataDirectory", output);
        Assert.Contains("/hubs/game", output);
        Assert.Contains("--Operations:OperatorKey", output);
        Assert.Contains("--Orleans:Kubernetes", output);
        Assert.Contains("--Storage:Provider", output);
        Assert.Contains("--Realtime:SendTimeoutSeconds", output);
    }
}
