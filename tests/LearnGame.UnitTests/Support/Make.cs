using LearnGame.Domain.Questions;
using LearnGame.Domain.Quizzes;

namespace LearnGame.UnitTests.Support;

/// <summary>Small, valid questions and quizzes to build tests from; every argument has a sensible default.</summary>
internal static class Make
{
    public static Quiz Quiz(params Question[] questions) => new("Quiz de test", QuizLanguage.Fr, questions);

    /// <summary>Choices Lyon, Paris, Marseille, Lille; Paris (1) is right by default.</summary>
    public static SingleChoiceQuestion Single(int correct = 1, int timeLimitSeconds = 20, PointsMode points = PointsMode.Standard) => new()
    {
        Text = "Quelle est la capitale de la France ?",
        Choices = ["Lyon", "Paris", "Marseille", "Lille"],
        Correct = correct,
        TimeLimitSeconds = timeLimitSeconds,
        Points = points,
    };

    /// <summary>Choices A to E; A, B and C (0, 1, 2) are right by default.</summary>
    public static MultipleChoiceQuestion Multiple(params int[] correct) => new()
    {
        Text = "Lesquels sont des EPI ?",
        Choices = ["Casque", "Gants", "Lunettes", "Cravate", "Montre"],
        Correct = correct.Length == 0 ? [0, 1, 2] : correct,
    };

    public static TrueFalseQuestion TrueFalse(bool correct = true, PointsMode points = PointsMode.Standard) => new()
    {
        Text = "Le port du casque est obligatoire sur un chantier.",
        Correct = correct,
        Points = points,
    };

    public static TypedAnswerQuestion Typed(params string[] accepted) => new()
    {
        Text = "Quel animal a une trompe ?",
        Accepted = accepted.Length == 0 ? ["éléphant"] : accepted,
    };

    /// <summary>A slider from 0 to 100, 50 is right, 5 either side earns full credit.</summary>
    public static NumericQuestion Numeric(double correct = 50, double tolerance = 5, double min = 0, double max = 100) => new()
    {
        Text = "Combien de décibels… ?",
        Min = min,
        Max = max,
        Correct = correct,
        Tolerance = tolerance,
        Unit = "dB",
    };

    public static OrderingQuestion Ordering(int items = 4) => new()
    {
        Text = "Remettez les étapes dans l'ordre.",
        Items = Enumerable.Range(1, items).Select(i => $"Étape {i}").ToArray(),
    };

    public static PollQuestion Poll(bool allowSeveral = false) => new()
    {
        Text = "Comment trouvez-vous la formation ?",
        Choices = ["Très bien", "Bien", "Moyen"],
        AllowSeveral = allowSeveral,
    };
}

/// <summary>Answers of each shape.</summary>
internal static class Answers
{
    public static Answer Choice(int index) => new() { Choices = [index] };
    public static Answer Choices(params int[] indexes) => new() { Choices = indexes };
    public static Answer Flag(bool value) => new() { Flag = value };
    public static Answer Text(string text) => new() { Text = text };
    public static Answer Number(double value) => new() { Number = value };
    public static Answer Order(params int[] order) => new() { Order = order };

    /// <summary>An answer of the named shape, for theories: choices, flag, text, number, order, none (no field) or two (two fields).</summary>
    public static Answer OfKind(string kind) => kind switch
    {
        "choices" => new() { Choices = [0] },
        "flag" => new() { Flag = true },
        "text" => new() { Text = "Paris" },
        "number" => new() { Number = 1 },
        "order" => new() { Order = [0, 1, 2, 3] },
        "none" => new(),
        "two" => new() { Choices = [0], Flag = true },
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
