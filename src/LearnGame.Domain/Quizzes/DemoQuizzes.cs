namespace LearnGame.Domain.Quizzes;

/// <summary>The ready-to-play demo quizzes shipped inside this assembly, one per language.</summary>
public static class DemoQuizzes
{
    /// <summary>The languages a demo quiz exists in.</summary>
    public static IReadOnlyList<QuizLanguage> Languages { get; } = [QuizLanguage.Fr, QuizLanguage.En];

    /// <summary>Reads and validates the demo quiz in the given language; an invalid demo is a bug and throws.</summary>
    public static Quiz Load(QuizLanguage language)
    {
        if (!Languages.Contains(language))
            throw new ArgumentOutOfRangeException(nameof(language), language, "There is no demo quiz in this language.");
        var name = ResourceName(language);
        using var stream = typeof(DemoQuizzes).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded demo quiz '{name}' is missing.");
        using var reader = new StreamReader(stream);
        var (quiz, errors) = QuizJson.Parse(reader.ReadToEnd());
        return quiz ?? throw new InvalidOperationException(
            $"The embedded demo quiz '{name}' is invalid: " + string.Join("; ", errors.Select(e => $"{e.Path}: {e.Code} ({e.Message})")));
    }

    /// <summary>The embedded resource's logical name, as declared in the project file.</summary>
    internal static string ResourceName(QuizLanguage language) =>
        $"LearnGame.Demo.demo-{language.ToString().ToLowerInvariant()}.json";
}
