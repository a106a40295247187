namespace LearnGame.Server.Extensions;

/// <summary>The "Storage" configuration section: where grain state lives.</summary>
public sealed class StorageSettings
{
    public const string Section = "Storage";
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    /// <summary><c>sqlite</c> (embedded, the default) or <c>postgres</c>.</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>SQLite: the folder of learngame.db; relative paths start at the content root.</summary>
    public string DataDirectory { get; set; } = "";

    /// <summary>PostgreSQL: an Npgsql connection string.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Every problem with these settings, each in one sentence; empty when they can be used.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        var provider = Provider.Trim().ToLowerInvariant();
        if (provider is not (Sqlite or Postgres))
            problems.Add($"Storage:Provider is \"{Provider}\"; it must be \"{Sqlite}\" or \"{Postgres}\".");
        if (provider == Postgres && string.IsNullOrWhiteSpace(ConnectionString))
            problems.Add("Storage:Provider is postgres but Storage:ConnectionString is empty (for example \"Host=127.0.0.1;Port=5432;Database=learngame;Username=learngame;Password=…\").");
        return problems;
    }
}
