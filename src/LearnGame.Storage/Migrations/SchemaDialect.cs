using System.Data.Common;

namespace LearnGame.Storage.Migrations;

/// <summary>What one database brings to the <see cref="SchemaMigrator"/>: its folder of SQL texts, its connection, its way of taking a step alone.</summary>
internal abstract class SchemaDialect
{
    /// <summary>The folder under Sql/ of this database's migrations and of the runner's own texts (<c>Schema/*.sql</c>).</summary>
    public abstract string Folder { get; }

    /// <summary>An open connection to the database.</summary>
    public abstract Task<DbConnection> OpenAsync(string connectionString, CancellationToken cancellationToken);

    /// <summary>What must run on the connection outside any transaction, before the first step.</summary>
    public virtual Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A transaction that no other migrator of this database runs alongside, until it ends.</summary>
    public abstract Task<DbTransaction> BeginStepAsync(DbConnection connection, CancellationToken cancellationToken);
}
