using System.Text.Json;
using LearnGame.Domain.Questions;
using LearnGame.Domain.Quizzes;
using LearnGame.Domain.Sessions;
using LearnGame.Grains.Abstractions.JoinCodes;
using LearnGame.Grains.Abstractions.Sessions;
using LearnGame.Grains.Sessions;
using LearnGame.Testing;

namespace LearnGame.FunctionalTests.Grains;

[Collection(ClusterCollection.Name)]
public sealed class SessionGrainTests(ClusterFixture fixture)
{
    private const string HostToken = "host-token-for-tests";

    private async Task<(ISessionGrain Session, List<JoinResult> Seats)> SessionWithLearners(int learners, SessionOptions? options = null, Quiz? quiz = null)
    {
        var session = fixture.Client.GetGrain<ISessionGrain>(Guid.NewGuid());
        var created = await session.Create(quiz ?? TestQuizzes.Short(), options ?? new SessionOptions { CloseWhenAllAnswered = false }, "123456", HostToken);
        Assert.True(created.Ok, created.Message);
        var seats = new List<JoinResult>();
        for (var i = 0; i < learners; i++)
        {
            var seat = await session.Join($"Learner {i}");
            Assert.True(seat.Ok, seat.Message);
            seats.Add(seat);
        }
        return (session, seats);
    }

    [Fact]
    public async Task A_burst_of_answers_is_acknowledged_with_far_fewer_writes_than_answers()
    {
        var (session, seats) = await SessionWithLearners(200);
        Assert.True((await session.Control(HostToken, new StartCommand())).Ok);
        var before = fixture.Storage.Writes;

        // The database is slow: while the first write waits, every other answer arrives and joins the next write.
        fixture.Storage.Hold();
        var now = fixture.Time.GetUtcNow();
        var pending = seats.Select(s => session.SubmitAnswer(s.SeatId, 0, $"a{s.SeatId}", new Answer { Choices = [s.SeatId % 4] }, now)).ToList();
        try
        {
            await Eventually.True(async () => (await session.Snapshot())!.AnsweredCount == 200, "every answer taken in memory");
            Assert.DoesNotContain(pending, p => p.IsCompleted); // nothing is acknowledged before it is durable
        }
        finally
        {
            fixture.Storage.Release();
        }
        var acks = await Task.WhenAll(pending);

        Assert.All(acks, a => Assert.True(a.Ok, a.Error));
        var writes = fixture.Storage.Writes - before;
        Assert.InRange(writes, 1, 2);
    }

    [Fact]
    public async Task Acknowledged_answers_survive_the_grain_being_deactivated()
    {
        var (session, seats) = await SessionWithLearners(3);
        await session.Control(HostToken, new StartCommand());
        var ack = await session.SubmitAnswer(seats[0].SeatId, 0, "first", new Answer { Choices = [1] }, fixture.Time.GetUtcNow());
        Assert.True(ack.Ok);

        await fixture.Cluster.DeactivateAsync(session);
        await fixture.Cluster.WaitForDeactivationAsync(session);

        var rejoined = await session.Rejoin(seats[0].SeatToken!);
        Assert.True(rejoined.Ok);
        Assert.Equal(SessionPhase.QuestionOpen, rejoined.Snapshot!.Phase);
        Assert.Equal("first", rejoined.Snapshot.You!.AnswerId);
        Assert.Equal([1], rejoined.Snapshot.You.Answer!.Choices);
        Assert.Equal(1, rejoined.Snapshot.AnsweredCount);
    }

    [Fact]
    public async Task When_storage_fails_the_answer_is_not_acknowledged_and_a_retry_with_the_same_id_succeeds_once_it_is_back()
    {
        var (session, seats) = await SessionWithLearners(2);
        await session.Control(HostToken, new StartCommand());

        fixture.Storage.Failing = true;
        AnswerAck failed;
        try
        {
            failed = await session.SubmitAnswer(seats[0].SeatId, 0, "retry-me", new Answer { Choices = [2] }, fixture.Time.GetUtcNow());
        }
        finally
        {
            fixture.Storage.Failing = false;
        }
        Assert.False(failed.Ok);
        Assert.Equal("storage-unavailable", failed.Error);

        var retried = await session.SubmitAnswer(seats[0].SeatId, 0, "retry-me", new Answer { Choices = [2] }, fixture.Time.GetUtcNow());
        Assert.True(retried.Ok, retried.Error);

        await fixture.Cluster.DeactivateAsync(session);
        await fixture.Cluster.WaitForDeactivationAsync(session);
        var snapshot = await session.Snapshot();
        Assert.Equal(1, snapshot!.AnsweredCount);
    }

    [Fact]
    public async Task A_deadline_that_passes_while_storage_is_down_closes_the_question_once_storage_is_back()
    {
        var (session, seats) = await SessionWithLearners(3, quiz: TestQuizzes.Short(timeLimitSeconds: 5));
        var relay = new RecordingRelay(fixture.Storage);
        await session.Subscribe(fixture.Client.CreateObjectReference<ISessionObserver>(relay));
        await session.Control(HostToken, new StartCommand());
        Assert.True((await session.SubmitAnswer(seats[0].SeatId, 0, "stored", new Answer { Choices = [1] }, fixture.Time.GetUtcNow())).Ok);

        fixture.Storage.Failing = true;
        try
        {
            var pending = await session.SubmitAnswer(seats[1].SeatId, 0, "pending", new Answer { Choices = [1] }, fixture.Time.GetUtcNow());
            Assert.Equal("storage-unavailable", pending.Error);
            Assert.Equal(StoragePayload.Retrying, StorageState(await relay.WaitFor(SessionEvents.Storage)));
            Assert.True((await session.Snapshot())!.StorageRetrying);
            // The trainer cannot move the game on while nothing can be stored.
            Assert.Equal("storage-unavailable", (await session.Control(HostToken, new SkipCommand())).Error);
            // The deadline passes during the outage: the question closes in memory, but nobody is told yet.
            // Past the question's 5 s without waiting for them: the close must come sooner than the real deadline would.
            fixture.Time.Jump(TimeSpan.FromSeconds(6));
            await Eventually.True(async () => (await session.Snapshot())!.Phase == SessionPhase.Reveal, "the deadline closes the question", TimeSpan.FromSeconds(3));
            // The lobby's pulse leaves even while storage is down, after anything queued before it: a reveal sent too
            // early would have come first.
            var before = relay.Received.Count;
            await session.SeatConnected(seats[0].SeatId);
            await relay.WaitFor(SessionEvents.Lobby, e => relay.Received.Skip(before).Any(later => ReferenceEquals(later, e)));
            Assert.DoesNotContain(relay.Received, e => e.Name == SessionEvents.Reveal);
        }
        finally
        {
            fixture.Storage.Failing = false;
        }

        var reveal = await relay.WaitFor(SessionEvents.Reveal);
        var back = await relay.WaitFor(SessionEvents.Storage, e => StorageState(e) == StoragePayload.Ok);
        Assert.True(reveal.Sequence <= back.Sequence);
        var revealed = System.Text.Json.JsonDocument.Parse(reveal.Payload!).RootElement;
        Assert.Equal(2, revealed.GetProperty("answeredCount").GetInt32());
        Assert.False(revealed.GetProperty("skipped").GetBoolean());
        var retried = await session.SubmitAnswer(seats[1].SeatId, 0, "pending", new Answer { Choices = [1] }, fixture.Time.GetUtcNow());
        Assert.True(retried.Ok, retried.Error);
        Assert.True(retried.Repeat);

        // The close was stored: a fresh activation reads it back.
        await fixture.Cluster.DeactivateAsync(session);
        await fixture.Cluster.WaitForDeactivationAsync(session);
        var stored = (await session.Snapshot())!;
        Assert.Equal(SessionPhase.Reveal, stored.Phase);
        Assert.False(stored.StorageRetrying);
        Assert.Equal(2, stored.Reveal!.AnsweredCount);
    }

    private static string StorageState(SessionEvent e) =>
        System.Text.Json.JsonDocument.Parse(e.Payload!).RootElement.GetProperty("state").GetString()!;

    /// <summary>Polls a grain's state until the condition holds (the grain announces nothing while storage is down).</summary>
    /// <summary>Every chunk of a session's journal as stored, one after the other.</summary>
    private string JournalJson(GrainId id) =>
        string.Concat(Enumerable.Range(0, 20).Select(i => fixture.Storage.StoredJson($"journal-{i}", id) ?? ""));

    /// <summary>Two learners; the first question closed with one right answer ("answer-to-q1"), its round stored apart.</summary>
    private async Task<(ISessionGrain Session, List<JoinResult> Seats)> SessionWithFirstRoundStoredApart()
    {
        var (session, seats) = await SessionWithLearners(2);
        await session.Control(HostToken, new StartCommand());
        Assert.True((await session.SubmitAnswer(seats[0].SeatId, 0, "answer-to-q1", new Answer { Choices = [1] }, fixture.Time.GetUtcNow())).Ok);
        await session.Control(HostToken, new RevealCommand());
        // Written after the write that closed it, off the path of the reveal.
        await Eventually.True(() => fixture.Storage.StoredJson("round-0", session.GetGrainId())?.Contains("answer-to-q1") == true, "the first round stored apart");
        return (session, seats);
    }

    [Fact]
    public async Task Rounds_closed_in_quick_succession_are_all_written_apart_without_waiting_for_another_write()
    {
        var (session, seats) = await SessionWithLearners(2);
        var id = session.GetGrainId();
        await session.Control(HostToken, new StartCommand());
        Assert.True((await session.SubmitAnswer(seats[0].SeatId, 0, "quick-1", new Answer { Choices = [1] }, fixture.Time.GetUtcNow())).Ok);
        await session.Control(HostToken, new RevealCommand());
        await session.Control(HostToken, new NextCommand());
        await session.Control(HostToken, new NextCommand());
        Assert.True((await session.SubmitAnswer(seats[1].SeatId, 1, "quick-2", new Answer { Choices = [1] }, fixture.Time.GetUtcNow())).Ok);
        // The second close comes within the second the first one waits before it is written apart; nothing follows it.
        await session.Control(HostToken, new RevealCommand());

        await Eventually.True(() => fixture.Storage.StoredJson("round-1", id)?.Contains("quick-2") == true, "the second round stored apart");
        Assert.Contains("quick-1", fixture.Storage.StoredJson("round-0", id));
        Assert.Equal((1, 1), (fixture.Storage.WritesOf("round-0", id), fixture.Storage.WritesOf("round-1", id)));
    }

    [Fact]
    public async Task A_closed_round_is_written_once_apart_and_later_writes_carry_only_the_open_round()
    {
        var (session, seats) = await SessionWithFirstRoundStoredApart();
        var id = session.GetGrainId();
        await session.Control(HostToken, new NextCommand());
        await session.Control(HostToken, new NextCommand());
        Assert.True((await session.SubmitAnswer(seats[1].SeatId, 1, "answer-to-q2", new Answer { Choices = [1] }, fixture.Time.GetUtcNow())).Ok);

        // The open round's answer is in the journal; the session's own state has neither question's answers.
        var own = fixture.Storage.StoredJson("session", id)!;
        Assert.DoesNotContain("answer-to-q2", own);
        Assert.DoesNotContain("answer-to-q1", own);
        Assert.Contains("answer-to-q2", fixture.Storage.StoredJson("journal-0", id));
        Assert.DoesNotContain("answer-to-q2", fixture.Storage.StoredJson("round-0", id)!);
        Assert.Null(fixture.Storage.StoredJson("round-1", id));
        Assert.Equal(1, fixture.Storage.WritesOf("round-0", id));

        // A fresh activation puts the two halves back together and carries on.
        await fixture.Cluster.DeactivateAsync(session);
        await fixture.Cluster.WaitForDeactivationAsync(session);
        var repeat = await session.SubmitAnswer(seats[0].SeatId, 0, "answer-to-q1", new Answer { Choices = [1] }, fixture.Time.GetUtcNow());
        Assert.True(repeat is { Ok: true, Repeat: true }, repeat.Error);
        await session.Control(HostToken, new RevealCommand());
        var report = (await session.Report(HostToken)).Report!;
        Assert.Equal([(0, 1, 1), (1, 1, 1)], report.Questions.Select(q => (q.QuestionIndex, q.AnsweredCount, q.CorrectCount)));
        await Eventually.True(() => fixture.Storage.StoredJson("round-1", id)?.Contains("answer-to-q2") == true, "the second round stored apart");
        // Each closed round is written once, in its own row: the second close did not write the first round again.
        Assert.Equal((1, 1), (fixture.Storage.WritesOf("round-0", id), fixture.Storage.WritesOf("round-1", id)));
        Assert.DoesNotContain("answer-to-q1", fixture.Storage.StoredJson("round-1", id)!);
    }

    [Fact]
    public async Task Joins_and_answers_are_written_to_the_journal_without_the_session_and_come_back_after_a_reload()
    {
        var (session, _) = await SessionWithLearners(0);
        var id = session.GetGrainId();
        var sessionWrites = fixture.Storage.WritesOf("session", id);
        // More joins than one chunk holds, so the journal spans two chunks.
        var seats = new List<JoinResult>();
        for (var i = 0; i < 70; i++) seats.Add(await session.Join($"Learner {i}"));
        Assert.All(seats, s => Assert.True(s.Ok, s.Message));
        Assert.Equal(sessionWrites, fixture.Storage.WritesOf("session", id));
        Assert.Contains("Learner 69", fixture.Storage.StoredJson("journal-1", id));

        Assert.True((await session.Control(HostToken, new StartCommand())).Ok);
        sessionWrites = fixture.Storage.WritesOf("session", id);
        foreach (var seat in seats)
            Assert.True((await session.SubmitAnswer(seat.SeatId, 0, $"q1-{seat.SeatId}", new Answer { Choices = [seat.SeatId % 4] }, fixture.Time.GetUtcNow())).Ok);
        Assert.Equal(sessionWrites, fixture.Storage.WritesOf("session", id));
        Assert.DoesNotContain("q1-1\"", fixture.Storage.StoredJson("session", id)!);
        // The start is journaled too: the answers follow it in the journal.
        Assert.Contains("q1-1\"", JournalJson(id));

        await fixture.Cluster.DeactivateAsync(session);
        await fixture.Cluster.WaitForDeactivationAsync(session);

        var snapshot = (await session.Snapshot())!;
        Assert.Equal((70, 70), (snapshot.LearnerCount, snapshot.AnsweredCount));
        Assert.Equal("nickname-taken", (await session.Join("Learner 3")).Error);
        Assert.True((await session.Rejoin(seats[^1].SeatToken!)).Ok);
        var repeat = await session.SubmitAnswer(seats[4].SeatId, 0, $"q1-{seats[4].SeatId}", new Answer { Choices = [0] }, fixture.Time.GetUtcNow());
        Assert.True(repeat is { Ok: true, Repeat: true }, repeat.Error);
        // A seat joined after the reload takes the next number, and its answer counts with the others.
        var late = await session.Join("Latecomer");
        Assert.Equal(71, late.SeatId);
        Assert.True((await session.SubmitAnswer(late.SeatId, 0, "late", new Answer { Choices = [1] }, fixture.Time.GetUtcNow())).Ok);
        Assert.True((await session.Control(HostToken, new RevealCommand())).Ok);
        var report = (await session.Report(HostToken)).Report!;
        Assert.Equal(71, report.Questions[0].AnsweredCount);
        Assert.Equal(71, report.Learners.Count);
    }

    [Fact]
    public async Task A_game_played_on_the_journal_alone_comes_back_the_same_after_a_reload()
    {
        var (session, seats) = await SessionWithLearners(4, quiz: TestQuizzes.Short(timeLimitSeconds: 20));
        var id = session.GetGrainId();
        var sessionWrites = fixture.Storage.WritesOf("session", id);
        async Task Host(HostCommand command) =>
            Assert.True((await session.Control(HostToken, command)).Ok, command.Action.ToString());
        Task<AnswerAck> Answer(int seat, int question, int choice, string id) =>
            session.SubmitAnswer(seats[seat].SeatId, question, id, new Answer { Choices = [choice] }, fixture.Time.GetUtcNow());

        await Host(new StartCommand());
        Assert.True((await Answer(0, 0, 1, "zero-q1")).Ok);
        await Host(new PauseCommand());
        await Host(new ResumeCommand());
        Assert.True((await Answer(1, 0, 2, "one-q1")).Ok);
        await Host(new SetExtraTimeCommand(seats[2].SeatId, Percent: 50, Seconds: 0));
        await Host(new RevealCommand());
        await Host(new NextCommand());
        await Host(new NextCommand());
        Assert.True((await Answer(2, 1, 1, "two-q2")).Ok);
        await Host(new KickCommand(seats[3].SeatId));
        await Host(new LockCommand());
        fixture.Time.Shift = TimeSpan.FromSeconds(40);
        try
        {
            // Past every deadline (extra time included): the late answer is refused and closes the question itself.
            Assert.Equal("answer-too-late", (await Answer(0, 1, 1, "zero-q2")).Error);
        }
        finally
        {
            fixture.Time.Shift = TimeSpan.Zero;
        }
        Assert.Equal(SessionPhase.Reveal, (await session.Snapshot())!.Phase);
        Assert.Equal(sessionWrites, fixture.Storage.WritesOf("session", id));
        var before = JsonSerializer.Serialize((await session.Report(HostToken)).Report, QuizJson.Options);

        await fixture.Cluster.DeactivateAsync(session);
        await fixture.Cluster.WaitForDeactivationAsync(session);

        Assert.Equal(before, JsonSerializer.Serialize((await session.Report(HostToken)).Report, QuizJson.Options));
        var snapshot = (await session.Snapshot())!;
        Assert.Equal((SessionPhase.Reveal, 1, true, 3), (snapshot.Phase, snapshot.Question!.Index, snapshot.Locked, snapshot.LearnerCount));
        Assert.Equal("lobby-locked", (await session.Join("Newcomer")).Error);
        await Host(new NextCommand());
        await Host(new NextCommand());
        Assert.True((await Answer(0, 2, 1, "zero-q3")).Ok);
        Assert.Equal("seat-not-found", (await Answer(3, 2, 1, "three-q3")).Error);
        await Host(new EndCommand());
        var report = (await session.Report(HostToken)).Report!;
        Assert.Equal([(2, 1), (1, 1), (1, 1)], report.Questions.Select(q => (q.AnsweredCount, q.CorrectCount)));
    }

    [Fact]
    public async Task A_journal_grown_past_its_limit_is_folded_into_one_checkpoint()
    {
        var (session, _) = await SessionWithLearners(0);
        var id = session.GetGrainId();
        var sessionWrites = fixture.Storage.WritesOf("session", id);
        var count = LearnGame.Grains.Sessions.SessionStore.MaxJournal + 10;
        var joins = await Task.WhenAll(Enumerable.Range(0, count).Select(i => session.Join($"L{i}")));
        Assert.All(joins, j => Assert.True(j.Ok, j.Message));
        Assert.Equal(sessionWrites + 1, fixture.Storage.WritesOf("session", id));

        await fixture.Cluster.DeactivateAsync(session);
        await fixture.Cluster.WaitForDeactivationAsync(session);
        Assert.Equal(count, (await session.Snapshot())!.LearnerCount);
        Assert.True((await session.Rejoin(joins[^1].SeatToken!)).Ok);
    }

    [Fact]
    public async Task Erasing_a_learner_clears_the_journal_chunks_a_checkpoint_left_behind()
    {
        var (session, _) = await SessionWithLearners(64);
        var id = session.GetGrainId();
        var learnerId = Guid.NewGuid();
        // The 65th join opens the journal's second chunk.
        Assert.True((await session.JoinWithProfile("Zoe Martin", learnerId)).Ok);
        Assert.Contains("Zoe Martin", fixture.Storage.StoredJson("journal-1", id));
        Assert.True((await session.Control(HostToken, new StartCommand())).Ok);

        Assert.Equal(1, await session.ForgetLearner(learnerId));

        foreach (var chunk in new[] { "session", "journal-0", "journal-1" })
            Assert.DoesNotContain("Zoe Martin", fixture.Storage.StoredJson(chunk, id) ?? "");
    }

    /// <summary>
    /// Learners see the lobby's count only in the lobby: once the game has started, the count of the last joins is not
    /// sent to every phone (at 2,000 learners it went right behind the first question). Trainers still get their list.
    /// </summary>
    [Fact]
    public async Task After_the_start_of_an_individual_game_learners_get_no_lobby_count_and_trainers_still_get_their_list()
    {
        var relay = new RecordingRelay(fixture.Storage);
        var session = fixture.Client.GetGrain<ISessionGrain>(Guid.NewGuid());
        Assert.True((await session.Create(TestQuizzes.Short(), new SessionOptions { CloseWhenAllAnswered = false }, "123456", HostToken)).Ok);
        await session.Subscribe(fixture.Client.CreateObjectReference<ISessionObserver>(relay));
        var seats = new List<JoinResult>();
        foreach (var name in new[] { "Ana", "Ben", "Chloé", "Dan" }) seats.Add(await session.Join(name));
        Assert.True((await session.Control(HostToken, new StartCommand())).Ok);
        var question = await relay.WaitFor(SessionEvents.Question);

        // Everyone answers: the learners' next pulse carries the count of answers, and would have carried the lobby's too.
        foreach (var seat in seats)
            Assert.True((await session.SubmitAnswer(seat.SeatId, 0, $"a{seat.SeatId}", new Answer { Choices = [1] }, fixture.Time.GetUtcNow())).Ok);
        await relay.WaitFor(SessionEvents.AnswerCount, e => e.Audience is EventAudience.Learners or EventAudience.Everyone && Answered(e) == seats.Count);

        var afterStart = relay.Received.SkipWhile(e => !ReferenceEquals(e, question)).ToList();
        Assert.DoesNotContain(afterStart, e => e.Name == SessionEvents.Lobby && e.Audience is EventAudience.Learners or EventAudience.Everyone);
        Assert.Contains(relay.Received, e => e.Name == SessionEvents.Lobby && e.Audience == EventAudience.Hosts);
    }

    [Fact]
    public async Task Answer_counts_reach_trainers_more_often_than_learners_and_the_last_count_reaches_both()
    {
        var (session, seats) = await SessionWithLearners(6);
        var relay = new RecordingRelay(fixture.Storage);
        await session.Subscribe(fixture.Client.CreateObjectReference<ISessionObserver>(relay));
        await session.Control(HostToken, new StartCommand());

        // Six answers within a few milliseconds: trainers hear at their next pulse (a quarter second), learners at theirs (a second).
        foreach (var seat in seats)
            Assert.True((await session.SubmitAnswer(seat.SeatId, 0, $"a{seat.SeatId}", new Answer { Choices = [1] }, fixture.Time.GetUtcNow())).Ok);

        var toHosts = await relay.WaitFor(SessionEvents.AnswerCount, e => e.Audience == EventAudience.Hosts && Answered(e) == 6);
        var toLearners = await relay.WaitFor(SessionEvents.AnswerCount, e => e.Audience is EventAudience.Learners or EventAudience.Everyone && Answered(e) == 6);
        // Trainers were told the six before learners were: the counts are not sent to everyone at one rate.
        var received = relay.Received.ToList();
        Assert.True(received.IndexOf(toHosts) < received.IndexOf(toLearners));
    }

    private static int Answered(SessionEvent e) =>
        System.Text.Json.JsonDocument.Parse(e.Payload!).RootElement.GetProperty("answered").GetInt32();

    [Fact]
    public async Task Events_reach_a_subscribed_relay_in_order_and_only_after_the_change_is_stored()
    {
        var (session, seats) = await SessionWithLearners(2);
        var relay = new RecordingRelay(fixture.Storage) { AtFirstResult = () => fixture.Storage.WritesOf("round-0", session.GetGrainId()) };
        var reference = fixture.Client.CreateObjectReference<ISessionObserver>(relay);
        await session.Subscribe(reference);

        await session.Control(HostToken, new StartCommand());
        await session.SubmitAnswer(seats[0].SeatId, 0, "x", new Answer { Choices = [0] }, fixture.Time.GetUtcNow());
        await session.Control(HostToken, new RevealCommand());
        await relay.WaitFor(SessionEvents.Reveal);
        // The closed round is written apart a while after its reveal, not while the reveal is delivered.
        Assert.Equal(0, relay.SeenAtFirstResult);
        await session.Control(HostToken, new NextCommand());

        var leaderboard = await relay.WaitFor(SessionEvents.Leaderboard);
        var names = relay.Received.Where(e => e.Name != SessionEvents.Lobby && e.Name != SessionEvents.AnswerCount).Select(e => e.Name).ToList();
        Assert.Equal([SessionEvents.Question, SessionEvents.Reveal, SessionEvents.Leaderboard], names);
        var sequences = relay.Received.Where(e => e.Name != SessionEvents.Lobby && e.Name != SessionEvents.AnswerCount).Select(e => e.Sequence).ToList();
        Assert.Equal(sequences.Order(), sequences);
        Assert.All(relay.WritesSeenAtDelivery, w => Assert.True(w > 0));
        // Personal results travel inside the reveal, one per seat, for those seats only; the standings inside the leaderboard.
        var reveal = relay.Received.Single(e => e.Name == SessionEvents.Reveal);
        Assert.Equal((EventAudience.Everyone, null, SessionEvents.Result), (reveal.Audience, reveal.PersonalName, reveal.InsideAs));
        Assert.NotNull(reveal.Payload);
        Assert.Equal(seats.Select(s => s.SeatId).Order(), reveal.Personal!.Keys.Order());
        Assert.Equal(0, System.Text.Json.JsonDocument.Parse(reveal.Personal[seats[0].SeatId]).RootElement.GetProperty("questionIndex").GetInt32());
        Assert.Equal((EventAudience.Everyone, null, SessionEvents.Standing), (leaderboard.Audience, leaderboard.PersonalName, leaderboard.InsideAs));
        Assert.Equal(seats.Select(s => s.SeatId).Order(), leaderboard.Personal!.Keys.Order());
        await Eventually.True(() => fixture.Storage.WritesOf("round-0", session.GetGrainId()) == 1, "the first round written apart once");
    }

    [Fact]
    public async Task A_session_reactivated_elsewhere_keeps_announcing_to_the_relays_it_had()
    {
        var (session, seats) = await SessionWithLearners(1);
        var relay = new RecordingRelay(fixture.Storage);
        await session.Subscribe(fixture.Client.CreateObjectReference<ISessionObserver>(relay));

        await fixture.Cluster.DeactivateAsync(session);
        await fixture.Cluster.WaitForDeactivationAsync(session);
        await session.Control(HostToken, new StartCommand());

        var question = await relay.WaitFor(SessionEvents.Question);
        Assert.Equal(SessionEvents.Question, question.Name);
    }

    [Fact]
    public async Task After_the_retention_period_the_reminder_purges_nicknames_answers_and_tokens_and_keeps_the_aggregates()
    {
        var (session, seats) = await SessionWithLearners(2);
        var joinCode = (await session.Snapshot())!.JoinCode;
        var code = fixture.Client.GetGrain<IJoinCodeGrain>(joinCode);
        await code.Release(Guid.Empty);
        Assert.True((await session.Control(HostToken, new StartCommand())).Ok);
        Assert.True((await session.SubmitAnswer(seats[0].SeatId, 0, "kept-as-a-count", new Answer { Choices = [1] }, fixture.Time.GetUtcNow())).Ok);
        Assert.True((await session.Control(HostToken, new EndCommand())).Ok);
        // The closed question's answers were stored apart too; the purge must reach them.
        await Eventually.True(() => fixture.Storage.StoredJson("round-0", session.GetGrainId())?.Contains("kept-as-a-count") == true, "the first round stored apart");
        var remindable = session.AsReference<IRemindable>();
        var tick = new TickStatus(DateTime.UtcNow, TimeSpan.FromHours(1), DateTime.UtcNow);

        // Before the period is over a tick changes nothing.
        await remindable.ReceiveReminder("retention", tick);
        Assert.Equal(2, (await session.Report(HostToken)).Report!.Learners.Count);

        fixture.Time.Shift = TimeSpan.FromDays(30) + TimeSpan.FromMinutes(1);
        try
        {
            await remindable.ReceiveReminder("retention", tick);
        }
        finally
        {
            fixture.Time.Shift = TimeSpan.Zero;
        }

        // Stored, not only in memory: a fresh activation reads the purged state.
        await fixture.Cluster.DeactivateAsync(session);
        await fixture.Cluster.WaitForDeactivationAsync(session);
        var report = (await session.Report(HostToken)).Report!;
        Assert.Empty(report.Learners);
        Assert.Equal(2, report.LearnerCount);
        Assert.NotNull(report.PurgedAt);
        var question = Assert.Single(report.Questions);
        Assert.Equal((1, 1), (question.AnsweredCount, question.CorrectCount));
        Assert.False((await session.Report("not-the-host-token")).Ok);
        Assert.Equal("seat-not-found", (await session.Rejoin(seats[0].SeatToken!)).Error);
        Assert.Equal("session-not-found", (await session.Join("Learner 9")).Error);
        Assert.Equal("forbidden", (await session.Host(HostToken)).Error);
        Assert.Null(await session.Snapshot());
        Assert.Null(await code.Resolve());
        Assert.Null(fixture.Storage.StoredJson("round-0", session.GetGrainId()));
        // The journal's chunk that held the answer (and the joins before it) is gone too.
        Assert.Null(fixture.Storage.StoredJson("journal-0", session.GetGrainId()));
        var stored = fixture.Storage.StoredJson("session", session.GetGrainId())!;
        foreach (var personal in new[] { "Learner 0", "Learner 1", "kept-as-a-count", LearnGame.Domain.Sessions.SecretToken.Hash(seats[0].SeatToken!) })
            Assert.DoesNotContain(personal, stored);
    }

    [Fact]
    public async Task A_join_code_is_held_by_one_live_session_at_a_time()
    {
        var code = fixture.Client.GetGrain<IJoinCodeGrain>("424242");
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());

        Assert.True(await code.Claim(first));
        Assert.False(await code.Claim(second));
        await code.Release(second);
        Assert.Equal(first, await code.Resolve());
        await code.Release(first);
        Assert.Null(await code.Resolve());
        Assert.True(await code.Claim(second));
    }

    private sealed class RecordingRelay(CountingStorage storage) : ISessionObserver
    {
        private readonly List<SessionEvent> _received = [];
        private readonly List<(Func<SessionEvent, bool> Match, TaskCompletionSource<SessionEvent> Done)> _waiters = [];

        public List<int> WritesSeenAtDelivery { get; } = [];

        /// <summary>Read once, as the first reveal (with the personal results) arrives (<see cref="SeenAtFirstResult"/>).</summary>
        public Func<int>? AtFirstResult { get; init; }

        public int? SeenAtFirstResult { get; private set; }

        public IReadOnlyList<SessionEvent> Received
        {
            get { lock (_received) return _received.ToList(); }
        }

        public Task OnEvents(SessionEventBatch batch)
        {
            lock (_received)
            {
                WritesSeenAtDelivery.Add(storage.Writes);
                _received.AddRange(batch.Events);
                if (SeenAtFirstResult is null && AtFirstResult is { } probe && batch.Events.Any(e => e.Name == SessionEvents.Reveal))
                    SeenAtFirstResult = probe();
                foreach (var e in batch.Events)
                    foreach (var w in _waiters.Where(w => w.Match(e)).ToList())
                    {
                        _waiters.Remove(w);
                        w.Done.TrySetResult(e);
                    }
            }
            return Task.CompletedTask;
        }

        public Task<SessionEvent> WaitFor(string name, Func<SessionEvent, bool>? match = null)
        {
            lock (_received)
            {
                Func<SessionEvent, bool> predicate = e => e.Name == name && (match is null || match(e));
                if (_received.FirstOrDefault(predicate) is { } e) return Task.FromResult(e);
                var done = new TaskCompletionSource<SessionEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiters.Add((predicate, done));
                return done.Task.WaitAsync(GameClient.Patience);
            }
        }
    }
}
