using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace LearnGame.Storage;

/// <summary>
/// The storage's own instruments (meter "LearnGame.Storage"): how many updates each shared transaction carried and how
/// long it took, from opening the connection to the commit (on PostgreSQL with fsync on, the commit waits for the disk).
/// </summary>
public static class StorageMetrics
{
    public const string MeterName = "LearnGame.Storage";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<long> Updates =
        Meter.CreateHistogram<long>("learngame.storage.transaction.updates", "{update}", "Grain state updates written in one shared transaction.");

    private static readonly Histogram<double> Duration =
        Meter.CreateHistogram<double>("learngame.storage.transaction.duration", "ms", "Time of one shared transaction, from opening the connection to the commit.");

    public static void TransactionDone(long startedTimestamp, int updates)
    {
        Duration.Record(Stopwatch.GetElapsedTime(startedTimestamp).TotalMilliseconds);
        Updates.Record(updates);
    }
}
