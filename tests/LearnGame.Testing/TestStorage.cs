namespace LearnGame.Testing;

/// <summary>
/// Which storage the servers under test use: SQLite in a fresh folder (default), or the PostgreSQL named by
/// LEARNGAME_POSTGRES when LEARNGAME_TEST_STORAGE=postgres — so one functional suite runs on both storages.
/// </summary>
public static class TestStorage
{
    public static bool Postgres => Environment.GetEnvironmentVariable("LEARNGAME_TEST_STORAGE") == "postgres";

    public static string PostgresConnectionString =>
        Environment.GetEnvironmentVariable("LEARNGAME_POSTGRES") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("LEARNGAME_TEST_STORAGE=postgres needs LEARNGAME_POSTGRES (scripts/postgres.sh start prints it).");

    /// <summary>The configuration a server needs; the service id keeps test runs apart in a shared database.</summary>
    public static Dictionary<string, string> Settings(string dataDirectory, string serviceId) => Postgres
        ? new()
        {
            ["Storage:Provider"] = "postgres",
            ["Storage:ConnectionString"] = PostgresConnectionString,
            ["Orleans:ServiceId"] = serviceId,
        }
        : new()
        {
            ["Storage:DataDirectory"] = dataDirectory,
            ["Orleans:ServiceId"] = serviceId,
        };
}
