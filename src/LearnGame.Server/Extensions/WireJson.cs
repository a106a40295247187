using System.Text.Json;
using LearnGame.Domain.Quizzes;

namespace LearnGame.Server.Extensions;

/// <summary>The one set of JSON settings on the wire: REST bodies, hub results and the events the grains write.</summary>
public static class WireJson
{
    /// <summary>Gives <paramref name="options"/> the settings of <see cref="QuizJson.Options"/> (web names, no null fields).</summary>
    public static void Apply(JsonSerializerOptions options)
    {
        var source = QuizJson.Options;
        options.Encoder = source.Encoder;
        options.PropertyNamingPolicy = source.PropertyNamingPolicy;
        options.DictionaryKeyPolicy = source.DictionaryKeyPolicy;
        options.PropertyNameCaseInsensitive = source.PropertyNameCaseInsensitive;
        options.NumberHandling = source.NumberHandling;
        options.DefaultIgnoreCondition = source.DefaultIgnoreCondition;
        options.AllowOutOfOrderMetadataProperties = source.AllowOutOfOrderMetadataProperties;
        foreach (var converter in source.Converters) options.Converters.Add(converter);
    }
}
