using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace LearnGame.Storage;

/// <summary>
/// The storage's own instruments (meter "LearnGame.Storage"): how many updates each shared transaction carried, how long
/// each update waited for its transaction to start, and how long a transaction took, from opening the connection to the commit (on PostgreSQL with fsync on, the commit waits for the disk).
/// </summary>
public static class StorageMetrics
{
    public const string MeterName = "LearnGame.Storage";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<long> Updates =
        Meter.CreateHistogram<long>("learngame.storage.transaction.updates", "{update}", "Grain state updates written in one shared transaction.");

    private static readonly Histogram<double> Duration =
        Meter.CreateHistogram<double>("learngame.storage.transaction.duration", "ms", "Time of one shared transaction, from opening the connection to the commit.");

    private static readonly Histogram<double> Wait =
        Meter.CreateHistogram<double>("learngame.storage.update.wait", "ms", "Time an update waited for its shared transaction to start.");

    public static void UpdateWaited(long askedTimestamp, long startedTimestamp) =>
        Wait.Record(Stopwatch.GetElapsedTime(askedTimestamp, startedTimestamp).TotalMilliseconds);

    private static readonly Histogram<double> ProviderWrite =
        Meter.CreateHistogram<double>("learngame.storage.provider.duration", "ms",
            "Time of one first write or clear through Orleans' provider, its wait for a turn included (those do not share a transaction).");

    public static async Task Timed(Func<Task> operation)
    {
        var started = Stopwatch.GetTimestamp();
        await operation().ConfigureAwait(false);
        ProviderWrite.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    public static void TransactionDone(long startedTimestamp, int updates)
    {
        Duration.Record(Stopwatch.GetElapsedTime(startedTimestamp).TotalMilliseconds);
        Updates.Record(updates);
    }
}
