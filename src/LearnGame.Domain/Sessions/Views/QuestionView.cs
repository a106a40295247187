using LearnGame.Domain.Questions;

namespace LearnGame.Domain.Sessions.Views;

/// <summary>A question as learners see it while it is open: everything but the answer.</summary>
public sealed record QuestionView(
    int Index,
    int Count,
    string Type,
    string Text,
    int TimeLimitSeconds,
    PointsMode Points,
    string? ImageUrl,
    IReadOnlyList<string>? Choices = null,
    bool AllowSeveral = false,
    IReadOnlyList<OrderingItem>? Items = null,
    double? Min = null,
    double? Max = null,
    double? Step = null,
    string? Unit = null,
    bool Collaborative = false,
    PeerStage Stage = PeerStage.None,
    string? ImageAlt = null)
{
    public static QuestionView Of(Question question, int index, int count, int shuffleSeed)
    {
        var view = new QuestionView(index, count, TypeName(question), question.Text, question.TimeLimitSeconds, question.Points, question.ImageUrl, ImageAlt: question.ImageAlt);
        return question switch
        {
            SingleChoiceQuestion q => view with { Choices = q.Choices },
            MultipleChoiceQuestion q => view with { Choices = q.Choices, AllowSeveral = true },
            PollQuestion q => view with { Choices = q.Choices, AllowSeveral = q.AllowSeveral },
            OrderingQuestion q => view with { Items = q.DisplayOrder(shuffleSeed).Select((authored, shown) => new OrderingItem(shown, q.Items[authored])).ToArray() },
            NumericQuestion q => view with { Min = q.Min, Max = q.Max, Step = q.Step, Unit = q.Unit },
            _ => view,
        };
    }

    /// <summary>The same names as the quiz file's "type" field.</summary>
    public static string TypeName(Question question) => question switch
    {
        SingleChoiceQuestion => "single",
        MultipleChoiceQuestion => "multiple",
        TrueFalseQuestion => "trueFalse",
        TypedAnswerQuestion => "typed",
        NumericQuestion => "numeric",
        OrderingQuestion => "ordering",
        PollQuestion => "poll",
        _ => throw new ArgumentOutOfRangeException(nameof(question), question.GetType().Name, "Unknown question type."),
    };
}

/// <summary>An item of an ordering question as shown: <see cref="Id"/> is its position on screen; the answer lists these ids.</summary>
public sealed record OrderingItem(int Id, string Text);
