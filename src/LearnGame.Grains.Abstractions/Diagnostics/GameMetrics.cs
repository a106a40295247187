using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace LearnGame.Grains.Abstractions.Diagnostics;

/// <summary>
/// LearnGame's own instruments (meter "LearnGame"), exported by the server as Prometheus text at /metrics.
/// Static so that grains, the hub and the relay record with one call and no injection; a Meter is thread-safe
/// and costs next to nothing while nobody listens.
/// </summary>
public static class GameMetrics
{
    public const string MeterName = "LearnGame";

    private static readonly Meter Meter = new(MeterName);

    private static readonly UpDownCounter<long> Connections =
        Meter.CreateUpDownCounter<long>("learngame.connections", "{connection}", "Open SignalR connections on this silo.");

    private static readonly UpDownCounter<long> Sessions =
        Meter.CreateUpDownCounter<long>("learngame.sessions.active", "{session}", "Session grains active on this silo.");

    private static readonly Counter<long> Answers =
        Meter.CreateCounter<long>("learngame.answers", "{answer}", "Answers acknowledged (stored durably); its rate is answers per second.");

    private static readonly Histogram<double> FanOut =
        Meter.CreateHistogram<double>("learngame.fanout.duration", "ms", "Time for the relay to hand one event to SignalR for every local connection of its session (a slow connection takes it later, see learngame.relay.sends.waiting).");

    private static readonly Histogram<double> StorageWrite =
        Meter.CreateHistogram<double>("learngame.storage.write.duration", "ms", "Duration of one grain state write (one group commit).");

    private static readonly Histogram<long> CommitBatch =
        Meter.CreateHistogram<long>("learngame.storage.commit.batch", "{change}", "Changes made durable by one group-commit write.");

    private static readonly UpDownCounter<long> SendsWaiting =
        Meter.CreateUpDownCounter<long>("learngame.relay.sends.waiting", "{send}",
            "Sends (one per event and audience, not per connection) that some slow connection has not taken yet; the others already have.");

    private static readonly Counter<long> RelayEvents =
        Meter.CreateCounter<long>("learngame.relay.events", "{event}",
            "Session events received by this silo's relay, by event name: once per silo, however many learners it serves.");

    public static void RelayReceived(IEnumerable<string> eventNames)
    {
        foreach (var name in eventNames) RelayEvents.Add(1, new KeyValuePair<string, object?>("event", name));
    }

    public static void SendWaiting(int change) => SendsWaiting.Add(change);

    public static void ConnectionOpened() => Connections.Add(1);
    public static void ConnectionClosed() => Connections.Add(-1);
    public static void SessionActivated() => Sessions.Add(1);
    public static void SessionDeactivated() => Sessions.Add(-1);
    public static void AnswerAcknowledged() => Answers.Add(1);

    public static void FanOutDone(long startedTimestamp) => FanOut.Record(Stopwatch.GetElapsedTime(startedTimestamp).TotalMilliseconds);

    public static void WriteDone(long startedTimestamp, int batchSize)
    {
        StorageWrite.Record(Stopwatch.GetElapsedTime(startedTimestamp).TotalMilliseconds);
        CommitBatch.Record(batchSize);
    }
}
