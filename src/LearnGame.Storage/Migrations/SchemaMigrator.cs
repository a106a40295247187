using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;

namespace LearnGame.Storage.Migrations;

/// <summary>
/// The one migration runner of both databases: applies the numbered migrations under Sql/&lt;dialect&gt;/ that the
/// database lacks, each with its record in the version table in one transaction that no other migrator runs alongside.
/// </summary>
internal static partial class SchemaMigrator
{
    /// <summary>The migrations embedded for <paramref name="dialect"/> (<c>NNNN_name.sql</c>), in version order.</summary>
    /// <exception cref="InvalidOperationException">The files are not numbered 1..n without gaps.</exception>
    public static IReadOnlyList<Migration> Embedded(SchemaDialect dialect) => Numbered(dialect.Folder, SqlText.All(dialect.Folder));

    /// <summary>The migrations of <paramref name="folder"/> among <paramref name="texts"/> (by resource name), in version order.</summary>
    /// <exception cref="InvalidOperationException">They are not numbered 1..n without gaps.</exception>
    public static IReadOnlyList<Migration> Numbered(string folder, IEnumerable<(string Resource, string Text)> texts)
    {
        var migrations = new List<Migration>();
        foreach (var (resource, text) in texts)
        {
            var match = MigrationResourceName().Match(resource);
            if (match.Success && match.Groups["dialect"].Value == folder)
            {
                migrations.Add(new Migration(int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture), match.Groups["name"].Value, text));
            }
        }
        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < migrations.Count; i++)
        {
            // Gaps or duplicate numbers mean a mis-named file; refusing is safer than applying steps out of order.
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException($"{folder} migrations must be numbered 1..n without gaps; found {migrations[i].Name} as version {migrations[i].Version}.");
            }
        }
        return migrations;
    }

    /// <summary>Applies, each in its own transaction, the migrations the database lacks; returns the versions applied now.</summary>
    public static async Task<IReadOnlyList<int>> ApplyAsync(
        SchemaDialect dialect, string connectionString, IReadOnlyList<Migration> migrations, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(connectionString, cancellationToken);
        await dialect.PrepareAsync(connection, cancellationToken);

        // CREATE TABLE IF NOT EXISTS is not safe against a concurrent CREATE on every database: it too takes a step alone.
        await using (var transaction = await dialect.BeginStepAsync(connection, cancellationToken))
        {
            await using var create = Command(connection, transaction, dialect, "version_table");
            await create.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var applied = new List<int>();
        foreach (var migration in migrations.OrderBy(m => m.Version))
        {
            await using var transaction = await dialect.BeginStepAsync(connection, cancellationToken);
            // Checked inside the step, so a migrator that waited for another sees the version it recorded.
            await using var check = Command(connection, transaction, dialect, "applied", migration);
            if (Convert.ToInt64(await check.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 0)
            {
                await using var step = connection.CreateCommand();
                (step.Transaction, step.CommandText) = (transaction, migration.Sql);
                await step.ExecuteNonQueryAsync(cancellationToken);
                await using var record = Command(connection, transaction, dialect, "record", migration);
                await record.ExecuteNonQueryAsync(cancellationToken);
                applied.Add(migration.Version);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        return applied;
    }

    /// <summary>The runner's own text <c>Sql/&lt;dialect&gt;/Schema/<paramref name="name"/>.sql</c>, with the migration's number and name bound.</summary>
    private static DbCommand Command(DbConnection connection, DbTransaction transaction, SchemaDialect dialect, string name, Migration? migration = null)
    {
        var command = connection.CreateCommand();
        (command.Transaction, command.CommandText) = (transaction, SqlText.Of(dialect.Folder, "Schema." + name));
        if (migration is not null)
        {
            Bind(command, "Version", migration.Version);
            Bind(command, "Name", migration.Name);
        }
        return command;
    }

    private static void Bind(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        (parameter.ParameterName, parameter.Value) = (name, value);
        command.Parameters.Add(parameter);
    }

    [GeneratedRegex(@"^LearnGame\.Storage\.Sql\.(?<dialect>[A-Za-z]+)\.(?<version>\d+)_(?<name>.+)\.sql$")]
    private static partial Regex MigrationResourceName();
}
