namespace LearnGame.Grains;

/// <summary>The name of the grain storage every LearnGame grain persists to.</summary>
public static class GrainStorage
{
    public const string Name = "learngame";
}
