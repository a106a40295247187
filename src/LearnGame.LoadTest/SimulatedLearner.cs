using System.Diagnostics;
using System.Text.Json;
using LearnGame.Domain.Questions;
using LearnGame.Grains.Abstractions.Sessions;
using LearnGame.SimulatedLearners;
using Microsoft.AspNetCore.SignalR.Client;

namespace LearnGame.LoadTest;

/// <summary>
/// One learner: a real SignalR connection over WebSockets that joins with a nickname, answers each question after a
/// log-normal thinking time (right with its own probability; <see cref="ThinkingTime"/>, <see cref="SimulatedAnswers"/>), and records what it was acknowledged and what it received.
/// </summary>
public sealed class SimulatedLearner(SimulatedClassroom room, int index, string nickname, Random random, double skill, bool drops)
{
    private readonly Measurements _m = room.Measurements;
    private HubConnection? _connection;
    private volatile bool _leaving;
    private string? _seatToken; // a secret: kept in memory only, never printed

    public int Index { get; } = index;
    public string Nickname { get; } = nickname;
    public bool Drops { get; } = drops;
    public int SeatId { get; private set; }
    public bool Joined { get; private set; }
    public bool Rejoined { get; private set; }

    /// <summary>Per question: what this learner sent and whether the server acknowledged it.</summary>
    public SentAnswer?[] Answers { get; } = new SentAnswer?[room.Questions.Count];
    public int[] QuestionEvents { get; } = new int[room.Questions.Count];
    public int[] RevealEvents { get; } = new int[room.Questions.Count];
    public int[] ResultEvents { get; } = new int[room.Questions.Count];
    /// <summary>Stopwatch timestamp of each reveal's receipt, to compute fan-out from the trainer's call afterwards.</summary>
    public long[] RevealReceivedAt { get; } = new long[room.Questions.Count];
    private int _leaderboards, _standings, _podiums, _ended, _finished;
    public int Leaderboards => Volatile.Read(ref _leaderboards);
    public int Standings => Volatile.Read(ref _standings);
    public int Podiums => Volatile.Read(ref _podiums);
    public int EndedEvents => Volatile.Read(ref _ended);

    public async Task JoinAsync(CancellationToken cancel)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            _connection = await ConnectAsync(cancel);
            var result = await Invoke<JsonElement>("Join", [room.JoinCode, Nickname], cancel);
            if (!result.GetProperty("ok").GetBoolean())
            {
                _m.Error("join:" + result.GetProperty("error").GetString());
                return;
            }
            SeatId = result.GetProperty("seatId").GetInt32();
            _seatToken = result.GetProperty("seatToken").GetString();
            Joined = true;
            _m.Join.Record(Stopwatch.GetElapsedTime(started));
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancel.IsCancellationRequested)
        {
            _m.Error("join:" + e.GetType().Name);
        }
    }

    private async Task<HubConnection> ConnectAsync(CancellationToken cancel)
    {
        var connection = room.Hubs.Create();
        connection.On<QuestionArrival>(SessionEvents.Question, OnQuestion);
        connection.On<RevealArrival>(SessionEvents.Reveal, OnReveal);
        // A learner's leaderboard, podium and end carry its own standing; a team given or changed comes on its own.
        connection.On<RankingArrival>(SessionEvents.Leaderboard, p => Ranked(ref _leaderboards, p));
        connection.On<Skipped>(SessionEvents.Standing, _ => ReceivedStanding());
        connection.On<RankingArrival>(SessionEvents.Podium, p => Ranked(ref _podiums, p));
        connection.On<RankingArrival>(SessionEvents.Ended, ReceivedEnded);
        foreach (var other in new[] { SessionEvents.Lobby, SessionEvents.AnswerCount, SessionEvents.Paused, SessionEvents.Resumed, SessionEvents.Kicked })
            connection.On<Skipped>(other, _ => _m.EventReceived());
        connection.Closed += e =>
        {
            _m.ConnectionClosed();
            if (!_leaving && e is not null) _m.Error("connection-lost");
            return Task.CompletedTask;
        };
        await connection.StartAsync(cancel);
        _m.ConnectionOpened();
        return connection;
    }

    internal void ReceivedStanding()
    {
        Count(ref _standings);
        SeeIfFinished();
    }

    internal void ReceivedEnded(RankingArrival payload) => Ranked(ref _ended, payload);

    /// <summary>A ranking (leaderboard, podium, end), and inside it this learner's own standing.</summary>
    private void Ranked(ref int counter, RankingArrival payload)
    {
        if (payload.Standing is not null) Interlocked.Increment(ref _standings);
        Count(ref counter);
        SeeIfFinished();
    }

    /// <summary>
    /// The learner has had the whole game once it has the end and every standing. The last standing now comes inside
    /// <c>ended</c>; when it came right after it, the end alone was not the last event (checking then found it missing
    /// once in fourteen test runs here), so both are still counted.
    /// </summary>
    private void SeeIfFinished()
    {
        if (EndedEvents >= 1 && Standings >= room.ExpectedStandings && Interlocked.Exchange(ref _finished, 1) == 0) room.LearnerFinished();
    }

    private void Count(ref int counter)
    {
        Interlocked.Increment(ref counter);
        _m.EventReceived();
    }

    /// <summary>The reveal, and inside it this learner's own result (one message).</summary>
    private void OnReveal(RevealArrival payload)
    {
        _m.EventReceived();
        var index = payload.QuestionIndex;
        if ((uint)index >= (uint)RevealEvents.Length) { _m.Error("event-unknown-question"); return; }
        RevealReceivedAt[index] = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref RevealEvents[index]);
        if (payload.Result is not { } result) return;
        if (result.QuestionIndex != index) { _m.Error("result-other-question"); return; }
        Interlocked.Increment(ref ResultEvents[index]);
    }

    private void OnQuestion(QuestionArrival payload)
    {
        var receivedAt = DateTimeOffset.UtcNow;
        _m.EventReceived();
        var index = payload.Question.Index;
        if ((uint)index >= (uint)QuestionEvents.Length) { _m.Error("event-unknown-question"); return; }
        Interlocked.Increment(ref QuestionEvents[index]);
        _m.QuestionReceived(index, payload.ServerNow, receivedAt);
        // Decide now, on the connection's receive loop (one event at a time), so the random draws stay reproducible.
        var think = ThinkingTime.Draw(random, room.Options.ThinkMedianMs, payload.RemainingMs);
        var question = room.Questions[index];
        var choice = SimulatedAnswers.Choice(random, skill, question.Correct, question.Choices.Count);
        var answerId = $"a{Index}-{index}-{random.Next():x}";
        var dropNow = Drops && index == room.Questions.Count / 2;
        _ = AnswerAsync(index, answerId, choice, think, dropNow, room.Cancel);
    }

    private async Task AnswerAsync(int questionIndex, string answerId, int choice, TimeSpan think, bool dropFirst, CancellationToken cancel)
    {
        try
        {
            if (dropFirst) await DropAndRejoinAsync(cancel);
            await Task.Delay(think, cancel);
            Answers[questionIndex] = new SentAnswer(answerId, choice, false, null);
            var started = Stopwatch.GetTimestamp();
            var ack = await Invoke<CallReply>("Answer", [questionIndex, answerId, new Answer { Choices = [choice] }], cancel);
            var elapsed = Stopwatch.GetElapsedTime(started);
            if (ack.Ok)
            {
                _m.AnswerAcknowledged(questionIndex, elapsed);
                _m.Acked();
                Answers[questionIndex] = new SentAnswer(answerId, choice, true, null);
            }
            else
            {
                var code = ack.Error ?? "unknown";
                _m.Error("answer:" + code);
                Answers[questionIndex] = new SentAnswer(answerId, choice, false, code);
            }
        }
        catch (Exception e) when (!cancel.IsCancellationRequested)
        {
            _m.Error("answer:" + e.GetType().Name);
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            room.AnswerSettled(questionIndex);
        }
    }

    /// <summary>Closes the connection as a phone losing the network would, then comes back to the same seat with the token.</summary>
    private async Task DropAndRejoinAsync(CancellationToken cancel)
    {
        _leaving = true;
        if (_connection is { } old) await old.DisposeAsync();
        _leaving = false;
        var started = Stopwatch.GetTimestamp();
        _connection = await ConnectAsync(cancel);
        var result = await Invoke<JsonElement>("Rejoin", [room.SessionId, _seatToken!], cancel);
        if (!result.GetProperty("ok").GetBoolean() || result.GetProperty("seatId").GetInt32() != SeatId)
        {
            // A result leaves out the fields it has no value for: a rejoin that succeeded on another seat has no error.
            _m.Error("rejoin:" + (result.TryGetProperty("error", out var error) ? error.GetString() : "other-seat"));
            return;
        }
        Rejoined = true;
        _m.Rejoin.Record(Stopwatch.GetElapsedTime(started));
    }

    private async Task<T> Invoke<T>(string method, object?[] args, CancellationToken cancel)
    {
        _m.Invoked();
        return await _connection!.InvokeCoreAsync<T>(method, args, cancel);
    }

    public async Task LeaveAsync()
    {
        _leaving = true;
        if (_connection is { } c) await c.DisposeAsync();
    }
}

/// <summary>One answer as the learner sent it; Acked is true only when the server said ok.</summary>
public sealed record SentAnswer(string AnswerId, int Choice, bool Acked, string? Error);
