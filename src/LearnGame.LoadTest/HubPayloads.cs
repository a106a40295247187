using System.Text.Json;
using System.Text.Json.Serialization;
using LearnGame.SimulatedLearners;

namespace LearnGame.LoadTest;

// What a simulated client reads of the server's messages, and nothing more: each event is bound to one of these
// instead of a JsonElement, which copies the whole payload into a document of its own (a reveal, a leaderboard, a
// lobby of 25 names) for each of thousands of clients. What the tool allocates, it collects, and each of its
// collections stops every simulated client at once.

/// <summary>An event the client only counts: its payload is read past, nothing is kept.</summary>
[JsonConverter(typeof(Converter))]
public sealed class Skipped
{
    public static readonly Skipped Instance = new();

    private Skipped()
    {
    }

    public sealed class Converter : JsonConverter<Skipped>
    {
        // A null payload is read past too: the handler never sees null.
        public override bool HandleNull => true;

        public override Skipped Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            reader.Skip();
            return Instance;
        }

        public override void Write(Utf8JsonWriter writer, Skipped value, JsonSerializerOptions options) =>
            throw new NotSupportedException("Skipped is only read.");
    }
}

/// <summary>The <c>question</c> event: which question, the server's send time and the time left.</summary>
public sealed record QuestionArrival(
    [property: JsonPropertyName("question")] QuestionNumber Question,
    [property: JsonPropertyName("serverNow")] DateTimeOffset ServerNow,
    [property: JsonPropertyName("remainingMs")] long RemainingMs);

public sealed record QuestionNumber([property: JsonPropertyName("index")] int Index);

/// <summary>Something about one question (a learner's own <c>result</c>).</summary>
public sealed record QuestionEvent([property: JsonPropertyName("questionIndex")] int QuestionIndex);

/// <summary>The <c>reveal</c> event: which question, and in a learner's copy its own result.</summary>
public sealed record RevealArrival(
    [property: JsonPropertyName("questionIndex")] int QuestionIndex,
    [property: JsonPropertyName("result")] QuestionEvent? Result);

/// <summary>A ranking (<c>leaderboard</c>, <c>podium</c>, <c>ended</c>), in a learner's copy with its own standing.</summary>
public sealed record RankingArrival([property: JsonPropertyName("standing")] OwnStanding? Standing);

/// <summary>A learner's own standing: its rank is all the client reads.</summary>
public sealed record OwnStanding([property: JsonPropertyName("rank")] int Rank);

/// <summary>The answer to a hub call: whether it succeeded, and the error's code when not.</summary>
public sealed record CallReply([property: JsonPropertyName("ok")] bool Ok, [property: JsonPropertyName("error")] string? Error);

/// <summary>What the simulated clients read, one sample of each as the server sends it (<see cref="HubClients.Prepare"/>).</summary>
public static class HubPayloads
{
    /// <summary>Every type a simulated client binds an event or a call's reply to, with a sample payload.</summary>
    public static IReadOnlyList<(Type Type, string Json)> Samples { get; } =
    [
        (typeof(QuestionArrival), """
            {"question":{"index":0,"count":3,"type":"single","text":"Question","choices":["A","B"]},
             "deadline":"2026-12-03T12:00:20+00:00","serverNow":"2026-12-03T12:00:00.125+00:00","remainingMs":20000,"lastDeadline":null}
            """),
        (typeof(RevealArrival), """
            {"questionIndex":0,"correctAnswer":{"choices":[1]},"distribution":{"0":3,"1":5},"answeredCount":8,"skipped":false,
             "result":{"questionIndex":0,"answered":true,"graded":true,"correct":true,"points":950,"score":950,"rank":1,"learnerCount":8}}
            """),
        (typeof(RankingArrival), """
            {"top":[{"rank":1,"seatId":4,"nickname":"Zoé","score":1900,"correctCount":2}],"learnerCount":8,"teams":null,
             "standing":{"seatId":1,"rank":3,"score":950,"streak":1,"correctCount":1,"questionCount":2}}
            """),
        (typeof(Skipped), """{"learners":[{"seatId":1,"nickname":"Zoé","connected":true}],"count":1,"teams":null}"""),
        (typeof(CallReply), """{"ok":false,"error":"answer-too-late","message":"Trop tard."}"""),
    ];
}
