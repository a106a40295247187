namespace LearnGame.Content.Tests;

/// <summary>Reads a file of the Fixtures folder copied next to the tests.</summary>
internal static class Fixture
{
    public static string Read(string path) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", path));
}
