namespace LearnGame.Domain.Questions;

/// <summary>One precise problem in a quiz: where (a JSON-like path), a stable code, and a readable message.</summary>
public sealed record ValidationError(string Path, string Code, string Message);
