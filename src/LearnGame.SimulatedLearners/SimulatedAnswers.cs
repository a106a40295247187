using System.Text.Json;
using System.Text.Json.Nodes;

namespace LearnGame.SimulatedLearners;

/// <summary>What a simulated learner answers.</summary>
public static class SimulatedAnswers
{
    /// <summary>
    /// A choice among <paramref name="count"/>: the right one with probability <paramref name="skill"/>, otherwise one
    /// of the others, each as likely (the load tool's learners, who know the quiz they play).
    /// </summary>
    public static int Choice(Random random, double skill, int correct, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(correct);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(correct, count);
        if (random.NextDouble() < skill) return correct;
        var pick = random.Next(count - 1);
        return pick >= correct ? pick + 1 : pick;
    }

    /// <summary>
    /// A well-formed answer of the question's type, as a learner's phone sends it, picked at random from the question
    /// as learners see it (<c>question</c> of the <c>question</c> event): the rehearsal bots do not know the right
    /// answer, so the trainer sees a spread of answers at the reveal.
    /// </summary>
    public static JsonObject Any(JsonElement question, Random random)
    {
        var type = question.GetProperty("type").GetString();
        switch (type)
        {
            case "trueFalse":
                return new JsonObject { ["flag"] = random.Next(2) == 0 };
            case "typed":
                return new JsonObject { ["text"] = "?" };
            case "numeric":
                {
                    var (min, max) = (question.GetProperty("min").GetDouble(), question.GetProperty("max").GetDouble());
                    var step = question.TryGetProperty("step", out var s) && s.ValueKind == JsonValueKind.Number && s.GetDouble() > 0 ? s.GetDouble() : 1;
                    var steps = (int)Math.Floor((max - min) / step);
                    return new JsonObject { ["number"] = Math.Min(max, min + random.Next(steps + 1) * step) };
                }
            case "ordering":
                {
                    var ids = question.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToArray();
                    random.Shuffle(ids);
                    return new JsonObject { ["order"] = new JsonArray(ids.Select(i => (JsonNode)i).ToArray()) };
                }
            default:
                {
                    var count = question.GetProperty("choices").GetArrayLength();
                    var several = question.TryGetProperty("allowSeveral", out var a) && a.ValueKind == JsonValueKind.True;
                    var picked = several
                        ? Enumerable.Range(0, count).Where(_ => random.Next(2) == 0).DefaultIfEmpty(random.Next(count)).ToArray()
                        : [random.Next(count)];
                    return new JsonObject { ["choices"] = new JsonArray(picked.Select(i => (JsonNode)i).ToArray()) };
                }
        }
    }
}
