namespace LearnGame.Storage.Migrations;

/// <summary>One numbered schema step: the SQL that takes the database from <c>Version - 1</c> to <c>Version</c>.</summary>
public sealed record Migration(int Version, string Name, string Sql);
