using System.Net.Http.Json;
using System.Text.Json;
using LearnGame.Domain.Questions;
using LearnGame.Testing;

namespace LearnGame.FunctionalTests.Game;

/// <summary>Ended sessions are purged by a real, stored Orleans reminder, here after a retention of a few seconds.</summary>
public sealed class RetentionTests
{
    private static readonly TimeSpan PurgePatience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task An_ended_session_is_purged_by_its_reminder_even_across_a_restart_and_its_report_keeps_the_aggregates()
    {
        var data = ServerHost.NewDataDirectory();
        var settings = TestStorage.Settings(data, ServerHost.ServiceIdFor(data));
        settings["Retention:EndedSessions"] = "00:00:05";
        settings["Retention:CheckEvery"] = "00:01:00";
        TrainerApi.Created created;
        string seatToken;
        await using (var first = await ServerProcess.Start(data, settings: settings))
        {
            await using var room = await Classroom.Open(first.Endpoint, 2);
            created = room.Created;
            await room.Start();
            Assert.True((await room.Learners[0].Answer(0, new Answer { Choices = [1] }, "a0")).Ok);
            Assert.True((await room.Trainer.Do("End")).Ok);
            seatToken = room.Learners[0].SeatToken!;
            // The reminder is stored: it fires in the next process, not in this one.
            first.Kill();
        }

        await using var second = await ServerProcess.Start(data, settings: settings);
        using var http = second.Endpoint.CreateHttpClient();
        http.DefaultRequestHeaders.Add("X-Host-Token", created.HostToken);
        var report = await Eventually.Value(async () => await http.GetFromJsonAsync<JsonElement>($"/api/sessions/{created.SessionId}/report"),
            r => r.TryGetProperty("purgedAt", out var purgedAt) && purgedAt.ValueKind == JsonValueKind.String, "the session purged", PurgePatience);

        Assert.Equal(0, report.GetProperty("learners").GetArrayLength());
        Assert.Equal(2, report.GetProperty("learnerCount").GetInt32());
        var question = Assert.Single(report.GetProperty("questions").EnumerateArray());
        Assert.Equal(1, question.GetProperty("answeredCount").GetInt32());
        Assert.Equal(1, question.GetProperty("correctCount").GetInt32());
        var csv = await http.GetStringAsync($"/api/sessions/{created.SessionId}/report/learners.csv");
        Assert.DoesNotContain("Learner", csv);

        // Nobody gets back in: the old seat token opens nothing (the generic error), the code leads nowhere.
        await using var learner = await GameClient.Connect(second.Endpoint);
        Assert.Equal("seat-not-found", (await learner.Rejoin(created.SessionId, seatToken)).Error);
        Assert.Equal("session-not-found", (await learner.Join(created.JoinCode, "Late")).Error);
        await using var trainer = await GameClient.Connect(second.Endpoint);
        Assert.Equal("forbidden", (await trainer.Host(created.SessionId, created.HostToken)).Error);
    }
}
