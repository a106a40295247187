using System.Text.Json;
using LearnGame.Domain.Questions;
using LearnGame.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace LearnGame.FunctionalTests.Realtime;

/// <summary>Hub results are written with the JSON settings of REST and of the events: no null fields.</summary>
[Collection(ServerCollection.Name)]
public sealed class HubJsonTests(ServerFixture fixture)
{
    [Fact]
    public async Task A_rejoined_snapshot_holds_the_given_answer_with_exactly_its_one_field()
    {
        await using var room = await Classroom.Open(fixture.Server, 1);
        await room.Start();
        var learner = room.Learners[0];
        Assert.True((await learner.Answer(0, new Answer { Choices = [2] })).Ok);

        var joined = await learner.Connection.InvokeAsync<JsonElement>("Rejoin", room.Created.SessionId, learner.SeatToken);

        var answer = joined.GetProperty("snapshot").GetProperty("you").GetProperty("answer");
        Assert.Equal(["choices"], answer.EnumerateObject().Select(p => p.Name));
        Assert.Equal(2, answer.GetProperty("choices")[0].GetInt32());
    }

    [Fact]
    public async Task A_failed_call_has_no_null_fields()
    {
        await using var caller = await GameClient.Connect(fixture.Server);

        var refused = await caller.Connection.InvokeAsync<JsonElement>("Rejoin", Guid.NewGuid(), "no-such-seat-token");

        Assert.Equal("seat-not-found", refused.GetProperty("error").GetString());
        Assert.DoesNotContain(refused.EnumerateObject(), p => p.Value.ValueKind == JsonValueKind.Null);
    }
}
