using LearnGame.Domain.Questions;
using LearnGame.Domain.Quizzes;

namespace LearnGame.Testing;

/// <summary>Small quizzes with known answers for the functional tests.</summary>
public static class TestQuizzes
{
    /// <summary>Three single-choice questions; the right choice is 1 each time.</summary>
    public static Quiz Short(int timeLimitSeconds = 60) => new("Test quiz", QuizLanguage.En,
    [
        new SingleChoiceQuestion { Text = "Q1", Choices = ["a", "b", "c", "d"], Correct = 1, TimeLimitSeconds = timeLimitSeconds },
        new SingleChoiceQuestion { Text = "Q2", Choices = ["a", "b", "c", "d"], Correct = 1, TimeLimitSeconds = timeLimitSeconds },
        new SingleChoiceQuestion { Text = "Q3", Choices = ["a", "b", "c", "d"], Correct = 1, TimeLimitSeconds = timeLimitSeconds },
    ]);

    /// <summary>One question of every type, with the right answer to each.</summary>
    public static (Quiz Quiz, Answer[] Right, Answer[] Wrong) EveryType() => (new Quiz("Every type", QuizLanguage.Fr,
    [
        new SingleChoiceQuestion { Text = "Capitale de la France ?", Choices = ["Lyon", "Paris", "Nantes"], Correct = 1, Explanation = "Paris, depuis longtemps." },
        new MultipleChoiceQuestion { Text = "Nombres pairs ?", Choices = ["1", "2", "3", "4"], Correct = [1, 3] },
        new TrueFalseQuestion { Text = "La Terre est ronde.", Correct = true },
        new TypedAnswerQuestion { Text = "Animal à trompe ?", Accepted = ["éléphant"] },
        new NumericQuestion { Text = "Degrés d'un angle droit ?", Min = 0, Max = 360, Correct = 90, Tolerance = 5, Points = PointsMode.Double },
        new OrderingQuestion { Text = "Du plus petit au plus grand", Items = ["un", "deux", "trois"] },
        new PollQuestion { Text = "Ce quiz vous plaît ?", Choices = ["Oui", "Non"] },
    ]),
    [
        new Answer { Choices = [1] }, new Answer { Choices = [1, 3] }, new Answer { Flag = true }, new Answer { Text = "  ELEPHANT " },
        new Answer { Number = 92 }, new Answer { Order = [0, 1, 2] }, new Answer { Choices = [0] },
    ],
    [
        new Answer { Choices = [0] }, new Answer { Choices = [0] }, new Answer { Flag = false }, new Answer { Text = "girafe" },
        new Answer { Number = 300 }, new Answer { Order = [2, 1, 0] }, new Answer { Choices = [1] },
    ]);

    /// <summary>A collaborative question (right: 1), then a peer-instruction question (right: 2), then a plain one (right: 1).</summary>
    public static Quiz Cooperative(int timeLimitSeconds = 60) => new("Cooperation", QuizLanguage.Fr,
    [
        new SingleChoiceQuestion { Text = "Ensemble", Choices = ["a", "b", "c", "d"], Correct = 1, TimeLimitSeconds = timeLimitSeconds, Collaborative = true },
        new SingleChoiceQuestion { Text = "Votez, discutez, revotez", Choices = ["a", "b", "c", "d"], Correct = 2, TimeLimitSeconds = timeLimitSeconds, PeerInstruction = true, DiscussionSeconds = 120 },
        new SingleChoiceQuestion { Text = "Seul", Choices = ["a", "b", "c", "d"], Correct = 1, TimeLimitSeconds = timeLimitSeconds },
    ]);
}
