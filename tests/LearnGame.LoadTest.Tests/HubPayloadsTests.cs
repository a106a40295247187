using System.Text.Json;
using LearnGame.LoadTest;

namespace LearnGame.LoadTest.Tests;

/// <summary>What the simulated clients read of the server's events: only what they need, the rest read past.</summary>
public sealed class HubPayloadsTests
{
    private sealed record Envelope(Skipped First, int After);

    [Theory]
    [InlineData("""{"learners":[{"seatId":1,"nickname":"Zoé"},{"seatId":2}],"count":2,"teams":null}""")]
    [InlineData("""[1,[2,[3]],{"a":"b"}]""")]
    [InlineData("\"text\"")]
    [InlineData("null")]
    public void A_skipped_payload_is_read_past_whole_and_what_follows_is_read_as_usual(string payload)
    {
        var envelope = JsonSerializer.Deserialize<Envelope>($$"""{"first":{{payload}},"after":42}""", JsonSerializerOptions.Web)!;

        Assert.Same(Skipped.Instance, envelope.First);
        Assert.Equal(42, envelope.After);
    }

    [Fact]
    public void A_question_event_gives_its_number_send_time_and_time_left()
    {
        const string json = """
            {"question":{"index":2,"count":5,"type":"single","text":"Q","choices":["A","B"]},"deadline":"2026-12-03T12:00:20+00:00",
             "serverNow":"2026-12-03T12:00:00.125+00:00","remainingMs":20000}
            """;

        var arrival = JsonSerializer.Deserialize<QuestionArrival>(json, JsonSerializerOptions.Web)!;

        Assert.Equal(2, arrival.Question.Index);
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 12, 0, 0, 125, TimeSpan.Zero), arrival.ServerNow);
        Assert.Equal(20000, arrival.RemainingMs);
    }

    [Theory]
    [InlineData("""{"questionIndex":1,"answeredCount":8,"result":{"questionIndex":1,"correct":true,"points":950}}""", 1)]
    [InlineData("""{"questionIndex":1,"answeredCount":8}""", null)]
    public void A_reveal_gives_its_question_and_in_a_learners_copy_its_own_result(string json, int? resultOf)
    {
        var reveal = JsonSerializer.Deserialize<RevealArrival>(json, JsonSerializerOptions.Web)!;

        Assert.Equal(1, reveal.QuestionIndex);
        Assert.Equal(resultOf, reveal.Result?.QuestionIndex);
    }

    [Theory]
    [InlineData("""{"top":[{"rank":1,"nickname":"Zoé"}],"learnerCount":8,"standing":{"seatId":1,"rank":3,"score":950}}""", 3)]
    [InlineData("""{"top":[{"rank":1,"nickname":"Zoé"}],"learnerCount":8}""", null)]
    public void A_ranking_gives_in_a_learners_copy_its_own_standing(string json, int? rank)
    {
        Assert.Equal(rank, JsonSerializer.Deserialize<RankingArrival>(json, JsonSerializerOptions.Web)!.Standing?.Rank);
    }

    [Fact]
    public void A_refused_call_gives_its_code()
    {
        var reply = JsonSerializer.Deserialize<CallReply>("""{"ok":false,"error":"answer-too-late","message":"Trop tard."}""", JsonSerializerOptions.Web)!;

        Assert.Equal(new CallReply(false, "answer-too-late"), reply);
    }

    [Fact]
    public void Every_type_a_client_reads_has_a_sample_that_reads_as_it()
    {
        Type[] bound = [typeof(QuestionArrival), typeof(RevealArrival), typeof(RankingArrival), typeof(Skipped), typeof(CallReply)];

        Assert.Equal(bound.Order(TypeNames.Instance), HubPayloads.Samples.Select(s => s.Type).Order(TypeNames.Instance));
        foreach (var (type, json) in HubPayloads.Samples)
            Assert.IsType(type, JsonSerializer.Deserialize(json, type, JsonSerializerOptions.Web));
    }

    private sealed class TypeNames : IComparer<Type>
    {
        public static readonly TypeNames Instance = new();
        public int Compare(Type? x, Type? y) => string.CompareOrdinal(x?.FullName, y?.FullName);
    }
}
