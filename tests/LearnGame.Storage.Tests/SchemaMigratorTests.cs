using LearnGame.Storage.Migrations;

namespace LearnGame.Storage.Tests;

public sealed class SchemaMigratorTests
{
    private const string Prefix = "LearnGame.Storage.Sql.";

    [Fact]
    public void Numbered_files_of_the_dialect_become_migrations_in_version_order()
    {
        var migrations = SchemaMigrator.Numbered("Sqlite",
        [
            ($"{Prefix}Sqlite.0002_second.sql", "two"),
            ($"{Prefix}Sqlite.0001_first.sql", "one"),
            ($"{Prefix}Sqlite.Batch.update.sql", "not a step"),
            ($"{Prefix}Postgres.0003_other_database.sql", "not ours"),
        ]);

        Assert.Equal([new Migration(1, "first", "one"), new Migration(2, "second", "two")], migrations);
    }

    [Theory]
    [InlineData("0001_first", "0003_third")]
    [InlineData("0001_first", "0001_again")]
    [InlineData("0002_second", "0003_third")]
    public void Numbers_with_a_gap_or_a_duplicate_are_refused(string one, string other)
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            SchemaMigrator.Numbered("Sqlite", [($"{Prefix}Sqlite.{one}.sql", ""), ($"{Prefix}Sqlite.{other}.sql", "")]));

        Assert.Contains("numbered 1..n without gaps", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_database_has_its_own_numbered_migrations_from_one()
    {
        Assert.Equal(["grain_storage", "reminders"], SqliteSchema.Migrations.Select(m => m.Name));
        Assert.Equal(["grain_storage", "clustering", "reminders"], PostgresSchema.Migrations.Select(m => m.Name));
        Assert.Equal(SqlText.Of(SqlText.Sqlite, "0001_grain_storage"), SqliteSchema.Migrations[0].Sql);
    }
}
