using LearnGame.Testing;

namespace LearnGame.FunctionalTests;

/// <summary>The functional tests that share one server.</summary>
[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "server";
}
