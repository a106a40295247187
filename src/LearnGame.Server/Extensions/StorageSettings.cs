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
}
