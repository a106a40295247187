using LearnGame.Domain.Quizzes;
using Orleans.Serialization;

namespace LearnGame.Grains.Abstractions;

/// <summary>Lets Orleans carry the domain's plain types as JSON, so the domain needs no Orleans attributes.</summary>
public static class LearnGameSerialization
{
    public static ISerializerBuilder AddLearnGameSerialization(this ISerializerBuilder builder) =>
        builder.AddJsonSerializer(isSupported: IsDomainType, QuizJson.Options);

    public static bool IsDomainType(Type type) => type.Namespace?.StartsWith("LearnGame.Domain", StringComparison.Ordinal) == true;
}
