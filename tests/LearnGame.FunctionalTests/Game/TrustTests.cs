using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LearnGame.Domain.Questions;
using LearnGame.Domain.Quizzes;
using LearnGame.Domain.Sessions;
using LearnGame.FunctionalTests;
using LearnGame.Grains.Abstractions.Sessions;
using LearnGame.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace LearnGame.FunctionalTests.Game;

/// <summary>Bad input gets a clear error for the caller alone and changes nothing.</summary>
[Collection(ServerCollection.Name)]
public sealed class TrustTests(ServerFixture fixture)
{
    private ServerHost Server => fixture.Server;

    [Theory]
    [InlineData("Start")]
    [InlineData("Next")]
    [InlineData("End")]
    [InlineData("Lock")]
    [InlineData("Reveal")]
    [InlineData("Pause")]
    public async Task A_learner_calling_a_trainer_action_gets_forbidden_and_nothing_changes(string action)
    {
        await using var room = await Classroom.Open(Server, 2);
        var learner = room.Learners[0];

        var result = await learner.Do(action);

        Assert.False(result.Ok);
        Assert.Equal("forbidden", result.Error);
        var snapshot = (await learner.Rejoin(room.Created.SessionId, learner.SeatToken)).Snapshot!;
        Assert.Equal(SessionPhase.Lobby, snapshot.Phase);
        Assert.False(snapshot.Locked);
    }

    [Fact]
    public async Task A_learner_cannot_kick_another_learner()
    {
        await using var room = await Classroom.Open(Server, 2);
        var result = await room.Learners[0].Do("Kick", room.Learners[1].SeatId);
        Assert.Equal("forbidden", result.Error);
        Assert.True((await room.Learners[1].Rejoin(room.Created.SessionId, room.Learners[1].SeatToken)).Ok);
    }

    [Fact]
    public async Task A_wrong_host_token_is_forbidden()
    {
        await using var room = await Classroom.Open(Server, 0);
        await using var intruder = await GameClient.Connect(Server);
        var result = await intruder.Host(room.Created.SessionId, "not-the-token");
        Assert.Equal("forbidden", result.Error);
        Assert.Equal("forbidden", (await intruder.Do("Start")).Error);
    }

    [Fact]
    public async Task An_answer_before_the_question_opens_is_refused_and_never_counted()
    {
        await using var room = await Classroom.Open(Server, 2);
        var early = await room.Learners[0].Answer(0, new Answer { Choices = [1] });
        Assert.Equal("question-not-open", early.Error);

        await room.Start();
        var snapshot = (await room.Trainer.Host(room.Created.SessionId, room.Created.HostToken)).Snapshot!;
        Assert.Equal(0, snapshot.AnsweredCount);
        Assert.True((await room.Learners[0].Answer(0, new Answer { Choices = [1] })).Ok);
    }

    [Fact]
    public async Task An_answer_for_another_question_is_refused_and_not_counted()
    {
        await using var room = await Classroom.Open(Server, 2);
        await room.Start();
        var ahead = await room.Learners[0].Answer(1, new Answer { Choices = [1] });
        Assert.Equal("wrong-question", ahead.Error);
        var negative = await room.Learners[0].Answer(-1, new Answer { Choices = [1] });
        Assert.False(negative.Ok);
        var snapshot = (await room.Trainer.Host(room.Created.SessionId, room.Created.HostToken)).Snapshot!;
        Assert.Equal(0, snapshot.AnsweredCount);
    }

    [Fact]
    public async Task Out_of_range_and_wrong_type_answers_are_refused_with_clear_codes()
    {
        await using var room = await Classroom.Open(Server, 1);
        await room.Start();
        var learner = room.Learners[0];

        Assert.Equal("answer-out-of-range", (await learner.Answer(0, new Answer { Choices = [9] })).Error);
        Assert.Equal("answer-out-of-range", (await learner.Answer(0, new Answer { Choices = [0, 1] })).Error);
        Assert.Equal("answer-wrong-type", (await learner.Answer(0, new Answer { Text = "b" })).Error);
        Assert.Equal("answer-wrong-type", (await learner.Answer(0, new Answer())).Error);
        Assert.Equal("answer-id-invalid", (await learner.Answer(0, new Answer { Choices = [1] }, new string('x', 65))).Error);

        var snapshot = (await room.Trainer.Host(room.Created.SessionId, room.Created.HostToken)).Snapshot!;
        Assert.Equal(0, snapshot.AnsweredCount);
        Assert.True((await learner.Answer(0, new Answer { Choices = [1] })).Ok);
    }

    [Fact]
    public async Task A_second_answer_is_refused_and_a_retry_with_the_same_id_gets_the_same_acknowledgement()
    {
        await using var room = await Classroom.Open(Server, 2);
        await room.Start();
        var learner = room.Learners[0];

        var first = await learner.Answer(0, new Answer { Choices = [1] }, "answer-1");
        var retry = await learner.Answer(0, new Answer { Choices = [1] }, "answer-1");
        var second = await learner.Answer(0, new Answer { Choices = [2] }, "answer-2");

        Assert.True(first.Ok);
        Assert.False(first.Repeat);
        Assert.True(retry.Ok);
        Assert.True(retry.Repeat);
        Assert.Equal("answer-1", retry.AnswerId);
        Assert.Equal("already-answered", second.Error);
        await room.Trainer.Do("Reveal");
        var result = (await learner.WaitForResult(0)).Payload;
        Assert.True(result.GetProperty("correct").GetBoolean());
        Assert.Equal(1, (await room.Trainer.WaitForReveal(0)).Payload.GetProperty("answeredCount").GetInt32());
    }

    [Fact]
    public async Task A_late_answer_is_refused_and_not_counted_on_the_next_question()
    {
        await using var room = await Classroom.Open(Server, 2, TestQuizzes.Short(timeLimitSeconds: Question.MinTimeLimitSeconds));
        await room.Start();
        var learner = room.Learners[0];
        // The server closes the question at its deadline by itself.
        await room.Trainer.WaitForReveal(0);

        var late = await learner.Answer(0, new Answer { Choices = [1] });
        Assert.Equal("answer-too-late", late.Error);

        await room.Trainer.Do("Next");
        await room.Trainer.Do("Next");
        await learner.WaitForQuestion(1);
        var stillLate = await learner.Answer(0, new Answer { Choices = [1] });
        Assert.Equal("answer-too-late", stillLate.Error);
        var snapshot = (await room.Trainer.Host(room.Created.SessionId, room.Created.HostToken)).Snapshot!;
        Assert.Equal(1, snapshot.Question!.Index);
        Assert.Equal(0, snapshot.AnsweredCount);
    }

    [Theory]
    [InlineData("000000")]
    [InlineData("12345")]
    [InlineData("abcdef")]
    [InlineData("")]
    public async Task Unknown_or_malformed_codes_all_get_one_generic_error(string code)
    {
        await using var learner = await GameClient.Connect(Server);
        var result = await learner.Join(code, "Someone");
        Assert.False(result.Ok);
        Assert.Equal("session-not-found", result.Error);
        Assert.Equal(SessionErrorsMessage, result.Message);
    }

    private const string SessionErrorsMessage = "No live session has this code.";

    [Fact]
    public async Task An_ended_session_code_gets_the_same_generic_error()
    {
        await using var room = await Classroom.Open(Server, 1);
        Assert.True((await room.Trainer.Do("End")).Ok);
        await using var learner = await GameClient.Connect(Server);
        var result = await learner.Join(room.Created.JoinCode, "Late");
        Assert.Equal("session-not-found", result.Error);
        Assert.Equal(SessionErrorsMessage, result.Message);
    }

    [Fact]
    public async Task Nicknames_are_checked_and_kept_as_plain_text()
    {
        await using var room = await Classroom.Open(Server, 0);
        const string markup = "<script>x</script>";
        await using var a = await GameClient.Connect(Server);
        Assert.Equal("nickname-invalid", (await a.Join(room.Created.JoinCode, "Zo\u200Be")).Error);
        Assert.Equal("nickname-invalid", (await a.Join(room.Created.JoinCode, "   ")).Error);
        Assert.Equal("nickname-invalid", (await a.Join(room.Created.JoinCode, new string('n', 21))).Error);
        Assert.Equal("nickname-invalid", (await a.Join(room.Created.JoinCode, "bell\u0007")).Error);
        // Names that render blank: a Hangul filler, the Braille blank, a hidden combining grapheme joiner.
        foreach (var blank in new[] { "\u3164", "\u2800", "a\u034Fb" })
            Assert.Equal("nickname-invalid", (await a.Join(room.Created.JoinCode, blank)).Error);
        Assert.Equal("nickname-invalid", (await a.Join(room.Created.JoinCode, "<img src=x onerror=alert(1)>")).Error); // 28 characters
        var joined = await a.Join(room.Created.JoinCode, "  " + markup + " ");
        Assert.True(joined.Ok, joined.Message);

        await using var b = await GameClient.Connect(Server);
        Assert.Equal("nickname-taken", (await b.Join(room.Created.JoinCode, markup.ToUpperInvariant())).Error);

        var lobby = await room.Trainer.WaitFor(SessionEvents.Lobby, p => p.GetProperty("count").GetInt32() == 1);
        Assert.Equal(markup, lobby.Payload.GetProperty("learners")[0].GetProperty("nickname").GetString());
    }

    [Fact]
    public async Task A_typed_answer_with_markup_is_kept_and_shown_as_plain_text()
    {
        var quiz = new Quiz("Markup", QuizLanguage.En, [new TypedAnswerQuestion { Text = "Type anything", Accepted = ["x"] }]);
        await using var room = await Classroom.Open(Server, 1, quiz);
        await room.Start();
        const string markup = "<img src=x onerror=alert(1)>";
        Assert.True((await room.Learners[0].Answer(0, new Answer { Text = markup })).Ok);
        await room.Trainer.Do("Reveal");
        var reveal = (await room.Trainer.WaitForReveal(0)).Payload;
        Assert.Equal(1, reveal.GetProperty("distribution").GetProperty(markup).GetInt32());
    }

    [Fact]
    public async Task An_oversized_message_closes_only_that_connection()
    {
        await using var room = await Classroom.Open(Server, 2);
        var sender = room.Learners[0];
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        sender.Connection.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };

        var huge = sender.Answer(0, new Answer { Text = new string('x', 20_000) });
        await closed.Task.WaitAsync(GameClient.Patience);
        await Assert.ThrowsAnyAsync<Exception>(() => huge);

        Assert.Equal(HubConnectionState.Connected, room.Learners[1].Connection.State);
        var started = await room.Trainer.Do("Start");
        Assert.True(started.Ok);
        await room.Learners[1].WaitForQuestion(0);
    }

    [Fact]
    public async Task A_connection_that_has_not_joined_cannot_answer()
    {
        await using var stranger = await GameClient.Connect(Server);
        var ack = await stranger.Answer(0, new Answer { Choices = [0] });
        Assert.Equal("not-joined", ack.Error);
    }

    [Fact]
    public async Task A_kicked_learner_is_told_and_its_seat_token_no_longer_works()
    {
        await using var room = await Classroom.Open(Server, 2);
        var kicked = room.Learners[0];
        Assert.True((await room.Trainer.Do("Kick", kicked.SeatId)).Ok);
        await kicked.WaitFor(SessionEvents.Kicked);
        // The lobby's new count comes after the kick: had the other learner been told too, it would have come first.
        await room.Learners[1].WaitFor(SessionEvents.Lobby, p => p.GetProperty("count").GetInt32() == 1);
        Assert.Empty(room.Learners[1].Named(SessionEvents.Kicked));

        await using var again = await GameClient.Connect(Server);
        Assert.Equal("seat-not-found", (await again.Rejoin(room.Created.SessionId, kicked.SeatToken)).Error);
        await room.Trainer.WaitFor(SessionEvents.Lobby, p => p.GetProperty("count").GetInt32() == 1);
    }

    [Fact]
    public async Task A_locked_lobby_refuses_new_learners_until_unlocked()
    {
        await using var room = await Classroom.Open(Server, 1);
        Assert.True((await room.Trainer.Do("Lock")).Ok);
        await using var late = await GameClient.Connect(Server);
        Assert.Equal("lobby-locked", (await late.Join(room.Created.JoinCode, "Late")).Error);
        Assert.True((await room.Trainer.Do("Unlock")).Ok);
        Assert.True((await late.Join(room.Created.JoinCode, "Late")).Ok);
    }

    [Fact]
    public async Task Pause_keeps_the_remaining_time_and_resume_gives_it_back()
    {
        await using var room = await Classroom.Open(Server, 1);
        await room.Start();
        Assert.True((await room.Trainer.Do("Pause")).Ok);
        var paused = (await room.Learners[0].WaitFor(SessionEvents.Paused)).Payload.GetProperty("remainingMs").GetInt64();
        Assert.InRange(paused, 1, 60_000);
        var snapshot = (await room.Trainer.Host(room.Created.SessionId, room.Created.HostToken)).Snapshot!;
        Assert.True(snapshot.Paused);
        Assert.Equal(paused, snapshot.RemainingMs);
        Assert.Equal("wrong-phase", (await room.Trainer.Do("Pause")).Error);

        Assert.True((await room.Trainer.Do("Resume")).Ok);
        var resumed = (await room.Learners[0].WaitFor(SessionEvents.Resumed)).Payload;
        Assert.Equal(paused, resumed.GetProperty("remainingMs").GetInt64());
    }

    [Fact]
    public async Task Secrets_never_appear_in_broadcasts_or_logs()
    {
        await using var room = await Classroom.Open(Server, 3);
        await room.Start();
        foreach (var l in room.Learners) await l.Answer(0, new Answer { Choices = [1] });
        await room.Trainer.Do("Reveal");
        await room.Trainer.Do("Next");
        await room.Learners[2].WaitFor(SessionEvents.Leaderboard);

        var secrets = room.Learners.Select(l => l.SeatToken!).Append(room.Created.HostToken).ToList();
        var everything = room.Learners.Append(room.Trainer).SelectMany(c => c.Events).Select(e => e.Payload.GetRawText()).ToList();
        Assert.NotEmpty(everything);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(everything, text => text.Contains(secret, StringComparison.Ordinal));
            var leaked = Server.Logs.Lines.FirstOrDefault(line => line.Contains(secret, StringComparison.Ordinal));
            Assert.True(leaked is null, $"A secret was logged: {leaked}");
        }
    }
}
