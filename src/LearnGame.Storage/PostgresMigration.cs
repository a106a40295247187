namespace LearnGame.Storage;

/// <summary>One numbered PostgreSQL schema step: the SQL that takes the database from <c>Version - 1</c> to <c>Version</c>.</summary>
public sealed record PostgresMigration(int Version, string Name, string Sql);
