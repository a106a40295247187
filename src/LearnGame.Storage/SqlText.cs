using System.Collections.Concurrent;

namespace LearnGame.Storage;

/// <summary>The SQL texts embedded under Sql/, each read by its dialect and name (<c>Sql/Sqlite/Batch/update.sql</c> is <c>("Sqlite", "Batch.update")</c>).</summary>
public static class SqlText
{
    /// <summary>The folder of SQLite's texts under Sql/.</summary>
    public const string Sqlite = "Sqlite";

    /// <summary>The folder of PostgreSQL's texts under Sql/.</summary>
    public const string Postgres = "Postgres";

    private const string Prefix = "LearnGame.Storage.Sql.";

    private static readonly ConcurrentDictionary<string, string> Loaded = new(StringComparer.Ordinal);

    /// <summary>The text of <c>Sql/<paramref name="dialect"/>/<paramref name="name"/>.sql</c>, where a dot in the name is a folder.</summary>
    /// <exception cref="InvalidOperationException">No such text is embedded.</exception>
    public static string Of(string dialect, string name) => Loaded.GetOrAdd($"{Prefix}{dialect}.{name}.sql", Read);

    /// <summary>Every embedded text of <paramref name="dialect"/>, by resource name (the numbered migrations among them).</summary>
    internal static IEnumerable<(string Resource, string Text)> All(string dialect) =>
        typeof(SqlText).Assembly.GetManifestResourceNames()
            .Where(resource => resource.StartsWith($"{Prefix}{dialect}.", StringComparison.Ordinal) && resource.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(resource => (resource, Read(resource)));

    private static string Read(string resource)
    {
        using var stream = typeof(SqlText).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"No SQL text is embedded as {resource}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
