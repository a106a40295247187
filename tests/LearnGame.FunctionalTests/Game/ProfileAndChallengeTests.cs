using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LearnGame.Domain.Questions;
using LearnGame.Grains.Abstractions.Sessions;
using LearnGame.Testing;

namespace LearnGame.FunctionalTests.Game;

/// <summary>Learner profiles and shared challenges over the real REST API and real SignalR clients.</summary>
[Collection(ServerCollection.Name)]
public sealed class ProfileAndChallengeTests(ServerFixture fixture)
{
    private ServerHost Server => fixture.Server;

    private HttpClient Learner(string? token)
    {
        var http = Server.CreateHttpClient();
        if (token is not null) http.DefaultRequestHeaders.Add("X-Learner-Token", token);
        return http;
    }

    private HttpClient Trainer()
    {
        var http = Server.CreateHttpClient();
        http.DefaultRequestHeaders.Add("X-Trainer-Key", ServerFixture.TrainerKey);
        return http;
    }

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    private async Task<string> NewLearnerToken(string name)
    {
        using var http = Learner(null);
        var response = await http.PostAsync("/api/learners", Json(new { displayName = name }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(name, body.GetProperty("profile").GetProperty("displayName").GetString());
        return body.GetProperty("learnerToken").GetString()!;
    }

    private async Task<(TrainerApi.Created Created, GameClient Trainer)> HostedSession()
    {
        var created = await TrainerApi.CreateSession(Server, new { quiz = System.Text.Json.Nodes.JsonNode.Parse(Domain.Quizzes.QuizJson.Write(TestQuizzes.Short())) });
        var trainer = await GameClient.Connect(Server);
        Assert.True((await trainer.Host(created.SessionId, created.HostToken)).Ok);
        return (created, trainer);
    }

    /// <summary>Each learner answers choice <paramref name="choice"/>(learner index, question) to every question; then the podium.</summary>
    private static async Task Play(GameClient trainer, IReadOnlyList<GameClient> learners, Func<int, int, int> choice)
    {
        Assert.True((await trainer.Do("Start")).Ok);
        for (var q = 0; q < 3; q++)
        {
            for (var i = 0; i < learners.Count; i++)
            {
                await learners[i].WaitForQuestion(q);
                Assert.True((await learners[i].Answer(q, new Answer { Choices = [choice(i, q)] })).Ok);
            }
            await trainer.WaitForReveal(q);
            Assert.True((await trainer.Do("Next")).Ok);
            Assert.True((await trainer.Do("Next")).Ok);
        }
        await trainer.WaitFor(SessionEvents.Podium);
    }

    private async Task<JsonElement> Profile(string token)
    {
        using var http = Learner(token);
        var response = await http.GetAsync("/api/learners/me");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private Task<JsonElement> ProfileWhen(string token, Func<JsonElement, bool> condition) =>
        Eventually.Value(() => Profile(token), condition, "the profile to match");

    [Fact]
    public async Task A_learner_plays_with_its_token_then_sees_exports_and_erases_its_profile_and_the_report_keeps_only_aggregates()
    {
        var token = await NewLearnerToken("Zoé");
        var (created, trainer) = await HostedSession();
        await using var _ = trainer;
        await using var zoe = await GameClient.Connect(Server);
        await using var marc = await GameClient.Connect(Server);
        var joined = await zoe.JoinWithProfile(created.JoinCode, "Zoé", token);
        Assert.True(joined.Ok, joined.Message);
        Assert.True((await marc.Join(created.JoinCode, "Marc")).Ok);

        // Zoé is right on questions 0 and 2; Marc always wrong.
        await Play(trainer, [zoe, marc], (i, q) => i == 0 && q != 1 ? 1 : 0);

        var profile = await ProfileWhen(token, p => p.GetProperty("sessions").GetArrayLength() == 1);
        Assert.Equal(5 + 2 * 10 + 2, profile.GetProperty("xp").GetInt32());
        Assert.Equal(1, profile.GetProperty("level").GetInt32());
        Assert.Equal(100, profile.GetProperty("nextLevelXp").GetInt32());
        Assert.Contains(profile.GetProperty("badges").EnumerateArray(), b => b.GetProperty("code").GetString() == "first-correct");
        var played = profile.GetProperty("sessions")[0];
        Assert.Equal(created.SessionId, played.GetProperty("sessionId").GetGuid());
        Assert.Equal([true, false, true], played.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("correct").GetBoolean()));

        using (var http = Learner(token))
        {
            var export = await http.GetAsync("/api/learners/me/export");
            Assert.Equal(HttpStatusCode.OK, export.StatusCode);
            Assert.Equal("application/json", export.Content.Headers.ContentType!.MediaType);
            var exported = await export.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(created.SessionId, exported.GetProperty("sessionsJoined")[0].GetGuid());
            Assert.Equal(27, exported.GetProperty("profile").GetProperty("xp").GetInt32());

            Assert.Equal(HttpStatusCode.NoContent, (await http.DeleteAsync("/api/learners/me")).StatusCode);
            var gone = await http.GetAsync("/api/learners/me");
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
            Assert.Equal("learner-not-found", (await gone.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        }

        using var reports = Server.CreateHttpClient();
        reports.DefaultRequestHeaders.Add("X-Host-Token", created.HostToken);
        var report = await reports.GetFromJsonAsync<JsonElement>($"/api/sessions/{created.SessionId}/report");
        var nicknames = report.GetProperty("learners").EnumerateArray().Select(l => l.GetProperty("nickname").GetString()).ToList();
        Assert.DoesNotContain("Zoé", nicknames);
        Assert.Contains("Anonymous 1", nicknames);
        Assert.Equal(1, report.GetProperty("questions")[0].GetProperty("correctCount").GetInt32());

        // The token was never written to the logs.
        Assert.DoesNotContain(Server.Logs.Lines, l => l.Contains(token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Profile_calls_without_a_token_or_with_an_unknown_or_malformed_token_are_refused()
    {
        using (var http = Learner(null))
        {
            var response = await http.GetAsync("/api/learners/me");
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("learner-token-required", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
            var badName = await http.PostAsync("/api/learners", Json(new { displayName = "a\u200Bb" }));
            Assert.Equal(HttpStatusCode.BadRequest, badName.StatusCode);
            Assert.Equal("display-name-invalid", (await badName.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        }
        foreach (var token in new[] { Domain.Sessions.SecretToken.New(), "not a token" })
        {
            using var http = Learner(token);
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/learners/me")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await http.DeleteAsync("/api/learners/me")).StatusCode);
        }

        var (created, trainer) = await HostedSession();
        await using var _ = trainer;
        await using var learner = await GameClient.Connect(Server);
        Assert.Equal("learner-token-invalid", (await learner.JoinWithProfile(created.JoinCode, "Zoé", "short")).Error);
        Assert.Equal("learner-not-found", (await learner.JoinWithProfile(created.JoinCode, "Zoé", Domain.Sessions.SecretToken.New())).Error);
        Assert.Equal("session-not-found", (await learner.JoinWithProfile("000000", "Zoé", await NewLearnerToken("Zoé"))).Error);
    }

    [Fact]
    public async Task Two_sessions_contribute_to_one_challenge_and_both_projectors_and_learners_see_the_joint_progress_and_the_badge()
    {
        using var http = Trainer();
        var response = await http.PostAsync("/api/challenges", Json(new { title = "500 bonnes réponses", goal = new { kind = "correctAnswers", target = 4 } }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var challengeId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("challengeId").GetGuid();

        var (first, firstTrainer) = await HostedSession();
        var (second, secondTrainer) = await HostedSession();
        await using var _1 = firstTrainer;
        await using var _2 = secondTrainer;
        foreach (var session in new[] { first, second })
        {
            using var attach = new HttpRequestMessage(HttpMethod.Post, $"/api/challenges/{challengeId}/sessions") { Content = Json(new { sessionId = session.SessionId }) };
            attach.Headers.Add("X-Host-Token", session.HostToken);
            var attached = await http.SendAsync(attach);
            Assert.Equal(HttpStatusCode.OK, attached.StatusCode);
        }
        await secondTrainer.WaitFor(SessionEvents.Challenge, p => p.GetProperty("sessions").GetInt32() == 2);

        var token = await NewLearnerToken("Zoé");
        await using var zoe = await GameClient.Connect(Server);
        await using var ines = await GameClient.Connect(Server);
        Assert.True((await zoe.JoinWithProfile(first.JoinCode, "Zoé", token)).Ok);
        Assert.True((await ines.Join(second.JoinCode, "Inès")).Ok);

        // The first group gets 2 right: both groups see 2 of 4.
        await Play(firstTrainer, [zoe], (_, q) => q == 1 ? 0 : 1);
        await secondTrainer.WaitFor(SessionEvents.Challenge, p => p.GetProperty("current").GetInt32() == 2);
        await zoe.WaitFor(SessionEvents.Challenge, p => p.GetProperty("current").GetInt32() == 2 && p.GetProperty("percent").GetInt32() == 50);

        // The second group's answers finish the goal: everyone sees it reached, and Zoé earns the badge.
        await Play(secondTrainer, [ines], (_, _) => 1);
        // Reached at the second group's second right answer (4 of 4); its third still counts (5).
        var reached = await firstTrainer.WaitFor(SessionEvents.Challenge, p => p.GetProperty("reached").GetBoolean());
        Assert.InRange(reached.Payload.GetProperty("current").GetInt32(), 4, 5); // 5 if two questions were sent together
        await firstTrainer.WaitFor(SessionEvents.Challenge, p => p.GetProperty("current").GetInt32() == 5);
        await ines.WaitFor(SessionEvents.Challenge, p => p.GetProperty("reached").GetBoolean());
        await ProfileWhen(token, p => p.GetProperty("badges").EnumerateArray().Any(b => b.GetProperty("code").GetString() == "challenge-completed"));

        var progress = await http.GetFromJsonAsync<JsonElement>($"/api/challenges/{challengeId}");
        Assert.Equal(5, progress.GetProperty("current").GetInt32());
        Assert.Equal(2, progress.GetProperty("sessions").GetInt32());
        // A reconnecting projector finds the progress in its snapshot.
        await using var projector = await GameClient.Connect(Server);
        var hosted = await projector.Host(first.SessionId, first.HostToken);
        Assert.True(hosted.Snapshot!.Challenge!.Reached);
    }

    [Fact]
    public async Task Challenge_calls_are_refused_with_stable_errors()
    {
        using var anonymous = Server.CreateHttpClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/challenges", Json(new { title = "x", goal = new { kind = "correctAnswers", target = 4 } }))).StatusCode);

        using var http = Trainer();
        var invalid = await http.PostAsync("/api/challenges", Json(new { title = "Objectif", goal = new { kind = "questionPercent", target = 150 } }));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var error = await invalid.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("challenge-invalid", error.GetProperty("error").GetString());
        Assert.Contains("goal.target", error.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsync("/api/challenges", Json(new { title = "Objectif", goal = new { kind = "everything", target = 1 } }))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/challenges/{Guid.NewGuid()}")).StatusCode);

        var created = await http.PostAsync("/api/challenges", Json(new { title = "Objectif", goal = new { kind = "correctAnswers", target = 4 } }));
        var challengeId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("challengeId").GetGuid();
        var (session, trainer) = await HostedSession();
        await using var _ = trainer;
        using var wrongToken = new HttpRequestMessage(HttpMethod.Post, $"/api/challenges/{challengeId}/sessions") { Content = Json(new { sessionId = session.SessionId }) };
        wrongToken.Headers.Add("X-Host-Token", "not-the-host-token");
        var refused = await http.SendAsync(wrongToken);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using var other = new HttpClient { BaseAddress = Server.BaseUrl };
        other.DefaultRequestHeaders.Add("X-Trainer-Key", ServerFixture.OtherTrainerKey);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/challenges/{challengeId}")).StatusCode);
    }

    [Fact]
    public async Task A_teams_goal_is_reached_when_every_team_of_two_team_sessions_has_scored()
    {
        using var http = Trainer();
        var response = await http.PostAsync("/api/challenges", Json(new { title = "Chaque équipe marque", goal = new { kind = "teamsScored", target = 100 } }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var challengeId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("challengeId").GetGuid();
        var rooms = new List<Classroom>();
        for (var r = 0; r < 2; r++)
        {
            var room = await Classroom.Open(Server, 2, options: new { closeWhenAllAnswered = true, teams = new { formation = "choose", count = 2 } });
            rooms.Add(room);
            Assert.True((await room.Learners[0].Do("ChooseTeam", 1)).Ok);
            Assert.True((await room.Learners[1].Do("ChooseTeam", 2)).Ok);
            using var attach = new HttpRequestMessage(HttpMethod.Post, $"/api/challenges/{challengeId}/sessions") { Content = Json(new { sessionId = room.Created.SessionId }) };
            attach.Headers.Add("X-Host-Token", room.Created.HostToken);
            Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(attach)).StatusCode);
            await room.Start();
        }
        try
        {
            // Two teams of one in each room: the first learner scores at question 1, the second at question 2.
            for (var q = 0; q < 2; q++)
            {
                foreach (var room in rooms)
                {
                    for (var i = 0; i < 2; i++)
                    {
                        await room.Learners[i].WaitForQuestion(q);
                        Assert.True((await room.Learners[i].Answer(q, new Answer { Choices = [i == q ? 1 : 0] })).Ok);
                    }
                    await room.Trainer.WaitForReveal(q);
                }
                var expected = q == 0 ? 50 : 100;
                foreach (var room in rooms) await room.Trainer.WaitFor(SessionEvents.Challenge, p => p.GetProperty("current").GetInt32() == expected);
                if (q == 0)
                {
                    Assert.DoesNotContain(rooms[0].Trainer.Named(SessionEvents.Challenge), e => e.Payload.GetProperty("reached").GetBoolean());
                    foreach (var room in rooms) { Assert.True((await room.Trainer.Do("Next")).Ok); Assert.True((await room.Trainer.Do("Next")).Ok); }
                }
            }
            await rooms[1].Learners[0].WaitFor(SessionEvents.Challenge, p => p.GetProperty("reached").GetBoolean());
        }
        finally
        {
            foreach (var room in rooms) await room.DisposeAsync();
        }
    }
}
