using LearnGame.Testing;

namespace LearnGame.LoadTest.Tests;

/// <summary>The load tool's tests that play against one shared server.</summary>
[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "server";
}
