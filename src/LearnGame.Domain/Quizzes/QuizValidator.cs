using LearnGame.Domain.Questions;

namespace LearnGame.Domain.Quizzes;

/// <summary>Checks a quiz before it can be played and lists every problem precisely.</summary>
public static class QuizValidator
{
    public const int MaxTitleLength = 120;
    public const int MaxQuestions = 100;
    public const int MaxQuestionTextLength = 500;
    public const int MaxExplanationLength = 1000;
    public const int MaxImageUrlLength = 2000;
    public const int MaxImageAltLength = 300;

    public static IReadOnlyList<ValidationError> Validate(Quiz quiz)
    {
        var errors = new List<ValidationError>();
        if (string.IsNullOrWhiteSpace(quiz.Title))
            errors.Add(new("title", "title-missing", "The quiz needs a title."));
        else if (quiz.Title.Trim().Length > MaxTitleLength)
            errors.Add(new("title", "title-too-long", $"The title is at most {MaxTitleLength} characters."));
        if (!Enum.IsDefined(quiz.Language))
            errors.Add(new("language", "language-unsupported", "The language must be \"fr\" or \"en\"."));
        if (quiz.Questions is null || quiz.Questions.Count == 0)
        {
            errors.Add(new("questions", "questions-missing", "The quiz needs at least one question."));
            return errors;
        }
        if (quiz.Questions.Count > MaxQuestions)
            errors.Add(new("questions", "questions-too-many", $"A quiz has at most {MaxQuestions} questions."));
        for (var i = 0; i < quiz.Questions.Count; i++)
        {
            var path = $"questions[{i}]";
            if (quiz.Questions[i] is not { } question)
            {
                errors.Add(new(path, "question-missing", "This question is empty."));
                continue;
            }
            errors.AddRange(ValidateCommon(path, question));
            errors.AddRange(question.ValidateOwn(path));
        }
        return errors;
    }

    private static IEnumerable<ValidationError> ValidateCommon(string path, Question q)
    {
        if (string.IsNullOrWhiteSpace(q.Text))
            yield return new($"{path}.text", "text-missing", "The question needs a text.");
        else if (q.Text.Length > MaxQuestionTextLength)
            yield return new($"{path}.text", "text-too-long", $"A question's text is at most {MaxQuestionTextLength} characters.");
        if (q.TimeLimitSeconds is < Question.MinTimeLimitSeconds or > Question.MaxTimeLimitSeconds)
            yield return new($"{path}.timeLimitSeconds", "time-limit-out-of-range",
                $"The time limit must be between {Question.MinTimeLimitSeconds} and {Question.MaxTimeLimitSeconds} seconds.");
        if (!Enum.IsDefined(q.Points))
            yield return new($"{path}.points", "points-invalid", "Points must be \"standard\", \"double\" or \"none\".");
        if (q.Explanation is { Length: > MaxExplanationLength })
            yield return new($"{path}.explanation", "explanation-too-long", $"An explanation is at most {MaxExplanationLength} characters.");
        if (q.Collaborative && q.PeerInstruction)
            yield return new($"{path}.peerInstruction", "round-mode-conflict", "A question is either collaborative or peer instruction, not both.");
        if (q.PeerInstruction && !q.IsGraded)
            yield return new($"{path}.peerInstruction", "peer-instruction-needs-answer", "Peer instruction needs a right answer: a poll cannot use it.");
        if (q.PeerInstruction && q.DiscussionSeconds is < Question.MinDiscussionSeconds or > Question.MaxDiscussionSeconds)
            yield return new($"{path}.discussionSeconds", "discussion-out-of-range",
                $"The discussion lasts between {Question.MinDiscussionSeconds} and {Question.MaxDiscussionSeconds} seconds.");
        if (q.ImageUrl is { } url && !IsAcceptableImageUrl(url))
            yield return new($"{path}.imageUrl", "image-url-invalid", "The image URL must be an http(s) address or a path on this server starting with '/'.");
        if (q.ImageAlt is { } alt && (alt.Length > MaxImageAltLength || string.IsNullOrWhiteSpace(alt) || alt.Any(char.IsControl)))
            yield return new($"{path}.imageAlt", "image-alt-invalid", $"The image description is 1 to {MaxImageAltLength} characters, without control characters.");
        else if (q.ImageAlt is not null && q.ImageUrl is null)
            yield return new($"{path}.imageAlt", "image-alt-without-image", "An image description needs an imageUrl.");
    }

    private static bool IsAcceptableImageUrl(string url) =>
        url.Length <= MaxImageUrlLength &&
        (url.StartsWith('/') && !url.StartsWith("//")
         || Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp));
}
