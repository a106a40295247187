using System.Collections.Concurrent;
using HdrHistogram;

namespace LearnGame.LoadTest;

/// <summary>Thread-safe latency histograms (microsecond resolution) and counters shared by every simulated client.</summary>
public sealed class Measurements
{
    private const long MaxMicros = 10L * 60 * 1_000_000; // ten minutes: anything slower is clamped, not dropped

    public LatencyRecorder Join { get; } = new("join (connect + Join)");
    public LatencyRecorder QuestionFanOut { get; } = new("question fan-out (serverNow → receipt)");
    public LatencyRecorder AnswerAck { get; } = new("answer ack (Answer → ack)");
    public LatencyRecorder RevealFanOut { get; } = new("reveal fan-out (trainer Reveal call → receipt)");
    public LatencyRecorder Rejoin { get; } = new("rejoin (reconnect + Rejoin)");

    public IEnumerable<LatencyRecorder> All => [Join, QuestionFanOut, AnswerAck, RevealFanOut, Rejoin];

    /// <summary>The fan-outs and the acknowledgement again, per question (every classroom's question n together): the first is often the slowest.</summary>
    private readonly ConcurrentDictionary<int, (LatencyRecorder Question, LatencyRecorder Ack, LatencyRecorder Reveal)> _byQuestion = new();

    /// <summary>Per question: the earliest send and the latest receipt (UTC ticks), every classroom together.</summary>
    private readonly ConcurrentDictionary<int, Window> _questionWindows = new();

    /// <summary>Per question: from its earliest send to the latest acknowledgement or reveal receipt of it, every classroom together.</summary>
    private readonly ConcurrentDictionary<int, Window> _roundWindows = new();

    /// <summary>
    /// Makes each question's histograms and window now, before any client receives it: made by the first receipt, they
    /// would hold up every receipt behind it. A question nobody has received yet is still not reported.
    /// </summary>
    public void Prepare(int questions)
    {
        for (var i = 0; i < questions; i++)
        {
            For(i);
            _questionWindows.GetOrAdd(i, _ => new Window());
            _roundWindows.GetOrAdd(i, _ => new Window());
        }
    }

    public void QuestionReceived(int questionIndex, DateTimeOffset sentAt, DateTimeOffset receivedAt)
    {
        var latency = receivedAt - sentAt;
        QuestionFanOut.Record(latency);
        For(questionIndex).Question.Record(latency);
        _questionWindows.GetOrAdd(questionIndex, _ => new Window()).Widen(sentAt.UtcTicks, receivedAt.UtcTicks);
        RoundWindow(questionIndex).Widen(sentAt.UtcTicks, receivedAt.UtcTicks);
    }

    /// <summary>An answer to question <paramref name="questionIndex"/> acknowledged at <paramref name="at"/> (now when not given).</summary>
    public void AnswerAcknowledged(int questionIndex, TimeSpan latency, DateTimeOffset? at = null)
    {
        AnswerAck.Record(latency);
        For(questionIndex).Ack.Record(latency);
        var ticks = (at ?? DateTimeOffset.UtcNow).UtcTicks;
        RoundWindow(questionIndex).Widen(ticks, ticks);
    }

    /// <summary>A reveal of question <paramref name="questionIndex"/> received at <paramref name="receivedAt"/> (now when not given).</summary>
    public void RevealReceived(int questionIndex, TimeSpan latency, DateTimeOffset? receivedAt = null)
    {
        RevealFanOut.Record(latency);
        For(questionIndex).Reveal.Record(latency);
        var ticks = (receivedAt ?? DateTimeOffset.UtcNow).UtcTicks;
        RoundWindow(questionIndex).Widen(ticks, ticks);
    }

    private Window RoundWindow(int questionIndex) => _roundWindows.GetOrAdd(questionIndex, _ => new Window());

    private (LatencyRecorder Question, LatencyRecorder Ack, LatencyRecorder Reveal) For(int questionIndex) =>
        _byQuestion.GetOrAdd(questionIndex, i => (new($"question {i + 1} fan-out"), new($"answer {i + 1} ack"), new($"reveal {i + 1} fan-out")));

    /// <summary>
    /// Per question, in order; with <paramref name="pauses"/>, the tool's own pause from the question's first send to its
    /// last receipt; and over its whole round (from its first send to its last acknowledgement or reveal receipt), the
    /// tool's pause again and, with <paramref name="server"/>, the server's collection pause and JIT time.
    /// </summary>
    public IReadOnlyList<QuestionLatencies> PerQuestion(PauseTimeline? pauses = null, ServerRuntimeSampler? server = null) =>
        _byQuestion.Where(q => q.Value.Question.Count + q.Value.Ack.Count + q.Value.Reveal.Count > 0).OrderBy(q => q.Key).Select(q => new QuestionLatencies(q.Key + 1, q.Value.Question.Summary(), q.Value.Ack.Summary(), q.Value.Reveal.Summary(),
            pauses is not null && _questionWindows.TryGetValue(q.Key, out var w) && w.Widened ? pauses.PausedMsBetween(w.From, w.To) : null,
            _roundWindows.TryGetValue(q.Key, out var r) && r.Widened
                ? new RoundPauses(pauses?.PausedMsBetween(r.From, r.To), server?.Between(r.From, r.To), pauses?.JitMsBetween(r.From, r.To))
                : null)).ToList();

    private sealed class Window
    {
        private long _from = long.MaxValue, _to = long.MinValue;
        public bool Widened => Interlocked.Read(ref _from) != long.MaxValue;
        public DateTimeOffset From => new(Interlocked.Read(ref _from), TimeSpan.Zero);
        public DateTimeOffset To => new(Interlocked.Read(ref _to), TimeSpan.Zero);

        public void Widen(long from, long to)
        {
            for (var seen = Interlocked.Read(ref _from); from < seen; seen = Interlocked.Read(ref _from))
                if (Interlocked.CompareExchange(ref _from, from, seen) == seen) break;
            for (var seen = Interlocked.Read(ref _to); to > seen; seen = Interlocked.Read(ref _to))
                if (Interlocked.CompareExchange(ref _to, to, seen) == seen) break;
        }
    }

    private long _eventsReceived;
    private long _invocations;
    private long _answersAcked;
    private long _connected;
    public ConcurrentDictionary<string, long> Errors { get; } = new(StringComparer.Ordinal);

    public long EventsReceived => Interlocked.Read(ref _eventsReceived);
    public long Invocations => Interlocked.Read(ref _invocations);
    public long AnswersAcked => Interlocked.Read(ref _answersAcked);
    public long Connected => Interlocked.Read(ref _connected);
    public long ErrorCount => Errors.Values.Sum();

    public void EventReceived() => Interlocked.Increment(ref _eventsReceived);
    public void Invoked() => Interlocked.Increment(ref _invocations);
    public void Acked() => Interlocked.Increment(ref _answersAcked);
    public void ConnectionOpened() => Interlocked.Increment(ref _connected);
    public void ConnectionClosed() => Interlocked.Decrement(ref _connected);
    public void Error(string code) => Errors.AddOrUpdate(code, 1, (_, n) => n + 1);

    /// <summary>One latency distribution.</summary>
    public sealed class LatencyRecorder(string name)
    {
        private readonly LongConcurrentHistogram _histogram = new(1, MaxMicros, 3);
        public string Name { get; } = name;
        public long Count => _histogram.TotalCount;

        public void Record(TimeSpan elapsed) => _histogram.RecordValue(Math.Clamp((long)(elapsed.Ticks / 10), 1, MaxMicros));

        public LatencySummary Summary()
        {
            var n = _histogram.TotalCount;
            double Ms(double percentile) => n == 0 ? 0 : Math.Round(_histogram.GetValueAtPercentile(percentile) / 1000.0, 2);
            return new LatencySummary(Name, n, Ms(50), Ms(90), Ms(99), Ms(99.9),
                n == 0 ? 0 : Math.Round(_histogram.GetMaxValue() / 1000.0, 2),
                n == 0 ? 0 : Math.Round(_histogram.GetMean() / 1000.0, 2),
                n == 0 ? [] : Enumerable.Range(0, 101).Select(p => Ms(Math.Min(p, 99.99))).ToArray());
        }
    }
}

/// <summary>
/// Question fan-out, answer acknowledgement and reveal fan-out of one question (1-based), in milliseconds, and the
/// tool's own garbage-collection pause between the question's first send and its last receipt (null when not sampled).
/// </summary>
public sealed record QuestionLatencies(int Question, LatencySummary QuestionFanOut, LatencySummary Ack, LatencySummary RevealFanOut, double? ToolPausedMs = null, RoundPauses? Round = null);

/// <summary>
/// Over a question's whole round, from its first send to its last acknowledgement or reveal receipt: the tool's own
/// pause and compiling (JIT), and the server's (its collections and its JIT, from its /metrics), in milliseconds; null
/// where not sampled.
/// </summary>
public sealed record RoundPauses(double? ToolPausedMs, ServerRuntime? Server, double? ToolJitMs = null);

/// <summary>Percentiles of one latency, in milliseconds; Curve holds the 0th..100th percentiles for plotting.</summary>
public sealed record LatencySummary(string Name, long Count, double P50, double P90, double P99, double P999, double Max, double Mean, double[] Curve);
