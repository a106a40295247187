using FsCheck;
using FsCheck.Fluent;
using LearnGame.Domain.Questions;
using LearnGame.Domain.Quizzes;

namespace LearnGame.Content.Tests;

/// <summary>Valid quizzes of every question type, with texts full of GIFT special characters, accents and line breaks.</summary>
public static class QuizGenerators
{
    private const string Alphabet = "aeiouxyzAEIOU éèàçœÉÀÇ~=#{}:\\/%-->[]_.,'\"?!«»\n\t$<&;";

    public static Gen<string> Text(int maxLength) =>
        from length in Gen.Choose(1, maxLength)
        from chars in Gen.ArrayOf(Gen.Elements(Alphabet.ToCharArray()), length)
        let text = new string(chars).Trim()
        where text.Length > 0
        select text;

    private static Gen<string[]> Distinct(int min, int max) =>
        from count in Gen.Choose(min, max)
        from items in Gen.ArrayOf(Text(12), count)
        where items.Select(i => i.Trim().ToLowerInvariant()).Distinct().Count() == items.Length
        select items;

    private static Gen<Question> Single =>
        from choices in Distinct(2, 8)
        from correct in Gen.Choose(0, choices.Length - 1)
        from text in Text(40)
        select (Question)new SingleChoiceQuestion { Text = text, Choices = choices, Correct = correct };

    private static Gen<Question> Multiple =>
        from choices in Distinct(2, 8)
        from picked in Gen.SubListOf(Enumerable.Range(0, choices.Length).ToArray())
        where picked.Count > 0
        from text in Text(40)
        select (Question)new MultipleChoiceQuestion { Text = text, Choices = choices, Correct = picked.Order().ToArray() };

    private static Gen<Question> TrueFalse =>
        from text in Text(40)
        from correct in Gen.Elements(true, false)
        select (Question)new TrueFalseQuestion { Text = text, Correct = correct };

    private static Gen<Question> Typed =>
        from accepted in Distinct(1, 4)
        from text in Text(40)
        from strict in Gen.Elements(true, false)
        select (Question)new TypedAnswerQuestion { Text = text, Accepted = accepted, IgnoreAccents = !strict };

    private static Gen<Question> Numeric =>
        from min in Gen.Choose(-1000, 1000)
        from width in Gen.Choose(1, 2000)
        from quarters in Gen.Elements(1.0, 4.0)
        from at in Gen.Choose(0, 100)
        from tolerancePercent in Gen.Choose(0, 100)
        from text in Text(40)
        from unit in Gen.OneOf(Gen.Constant<string?>(null), Text(5).Select(u => (string?)u))
        let lo = min / quarters
        let span = width / quarters
        select (Question)new NumericQuestion
        {
            Text = text,
            Min = lo,
            Max = lo + span,
            Step = 1 / quarters,
            Correct = lo + span * at / 100,
            Tolerance = span * tolerancePercent / 100,
            Unit = unit,
        };

    private static Gen<Question> Ordering =>
        from items in Distinct(2, 8)
        from text in Text(40)
        select (Question)new OrderingQuestion { Text = text, Items = items };

    private static Gen<Question> Poll =>
        from choices in Distinct(2, 8)
        from several in Gen.Elements(true, false)
        from text in Text(40)
        select (Question)new PollQuestion { Text = text, Choices = choices, AllowSeveral = several };

    /// <summary>
    /// Any question with random common fields: time limit, points, explanation, image and its description, and how the
    /// round is played (individually, by team consensus, or vote-discuss-revote with its discussion time).
    /// </summary>
    public static Gen<Question> AnyQuestion =>
        from question in Gen.OneOf(Single, Multiple, TrueFalse, Typed, Numeric, Ordering, Poll)
        from time in Gen.Elements(5, 20, 37, 240)
        from points in Gen.Elements(PointsMode.Standard, PointsMode.Double, PointsMode.None)
        from explanation in Gen.OneOf(Gen.Constant<string?>(null), Text(60).Select(e => (string?)e))
        from image in Gen.Elements<string?>(null, "/images/casque.png", "https://example.org/a?b=c&d=#x")
        from alt in Gen.OneOf(Gen.Constant<string?>(null), Description)
        from round in Gen.Elements(Round.Individual, Round.Collaborative, Round.PeerInstruction)
        from discussion in Gen.Elements(Question.MinDiscussionSeconds, Question.DefaultDiscussionSeconds, 137, Question.MaxDiscussionSeconds)
        select question with
        {
            TimeLimitSeconds = time,
            Points = question is PollQuestion ? PointsMode.None : points,
            Explanation = explanation,
            ImageUrl = image,
            ImageAlt = image is null ? null : alt,
            Collaborative = round == Round.Collaborative,
            // A poll has no right answer to vote on twice.
            PeerInstruction = round == Round.PeerInstruction && question.IsGraded,
            DiscussionSeconds = discussion,
        };

    /// <summary>An image's description: GIFT's special characters and accents, but on one line (no control characters).</summary>
    private static Gen<string?> Description =>
        from text in Text(40)
        let line = string.Join(' ', text.Split(['\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        select (string?)(line.Length > 0 ? line : "photo");

    private enum Round { Individual, Collaborative, PeerInstruction }

    public static Gen<Quiz> AnyQuiz =>
        from title in Text(60)
        from language in Gen.Elements(QuizLanguage.Fr, QuizLanguage.En)
        from count in Gen.Choose(1, 10)
        from questions in Gen.ArrayOf(AnyQuestion, count)
        let quiz = new Quiz(title, language, questions)
        where QuizValidator.Validate(quiz).Count == 0
        select quiz;

    /// <summary>The FsCheck arbitrary behind [Property(Arbitrary = …)].</summary>
    public static Arbitrary<Quiz> Quizzes() => Arb.From(AnyQuiz);
}
