using System.Text.Json.Serialization;
using LearnGame.Domain.Questions;

namespace LearnGame.Domain.Quizzes;

/// <summary>A quiz as a trainer authors it: a title, a language and an ordered list of questions.</summary>
public sealed record Quiz(string Title, QuizLanguage Language, IReadOnlyList<Question> Questions);

/// <summary>The languages a quiz can be written in.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<QuizLanguage>))]
public enum QuizLanguage
{
    [JsonStringEnumMemberName("fr")] Fr,
    [JsonStringEnumMemberName("en")] En,
}
