namespace LearnGame.Storage.Tests;

public sealed class SqlTextTests
{
    [Theory]
    [InlineData(SqlText.Sqlite, "Batch.update", "UPDATE OrleansStorage")]
    [InlineData(SqlText.Sqlite, "Batch.insert", "INSERT INTO OrleansStorage")]
    [InlineData(SqlText.Sqlite, "Batch.stored", "SELECT Version, PayloadBinary FROM OrleansStorage")]
    [InlineData(SqlText.Postgres, "Batch.update", "UPDATE orleansstorage")]
    [InlineData(SqlText.Postgres, "Batch.stored", "SELECT version, payloadbinary FROM orleansstorage")]
    public void A_text_is_read_from_its_file_under_its_dialect(string dialect, string name, string start)
    {
        Assert.Contains(start, SqlText.Of(dialect, name), StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_name_gives_each_dialect_its_own_text()
    {
        Assert.NotEqual(SqlText.Of(SqlText.Sqlite, "Batch.update"), SqlText.Of(SqlText.Postgres, "Batch.update"));
    }

    [Fact]
    public void A_name_with_no_file_is_refused_with_the_resource_it_looked_for()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SqlText.Of(SqlText.Postgres, "Batch.insert"));

        Assert.Contains("LearnGame.Storage.Sql.Postgres.Batch.insert.sql", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_text_of_a_dialect_is_listed_with_its_resource_name()
    {
        var texts = SqlText.All(SqlText.Sqlite).ToList();

        Assert.Contains(texts, text => text.Resource == "LearnGame.Storage.Sql.Sqlite.Batch.update.sql" && text.Text == SqlText.Of(SqlText.Sqlite, "Batch.update"));
        Assert.Contains(texts, text => text.Resource == "LearnGame.Storage.Sql.Sqlite.0001_grain_storage.sql");
        Assert.DoesNotContain(texts, text => text.Resource.Contains(".Postgres.", StringComparison.Ordinal));
    }
}
