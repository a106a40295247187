using LearnGame.Domain.Quizzes;

namespace LearnGame.Content;

/// <summary>One problem found while importing: where (a line of a text file and/or a path), a stable code, an English message.</summary>
public sealed record ImportIssue(int? Line, string? Path, string Code, string Message);

/// <summary>
/// The outcome of an import: a quiz and a warning for every item left out, or no quiz and every error found.
/// There is no partial success: one error and the whole import fails.
/// </summary>
public sealed record ImportResult
{
    public Quiz? Quiz { get; private init; }
    public IReadOnlyList<ImportIssue> Warnings { get; private init; } = [];
    public IReadOnlyList<ImportIssue> Errors { get; private init; } = [];

    public bool Succeeded => Quiz is not null;

    public static ImportResult Success(Quiz quiz, IReadOnlyList<ImportIssue> warnings) => new() { Quiz = quiz, Warnings = warnings };

    public static ImportResult Failure(IReadOnlyList<ImportIssue> errors) =>
        errors.Count == 0 ? throw new ArgumentException("A failure lists at least one error.", nameof(errors)) : new() { Errors = errors };
}

/// <summary>What the trainer says about a file whose content does not say it: its title and language.</summary>
public sealed record ImportOptions(string? Title = null, QuizLanguage Language = QuizLanguage.Fr);
