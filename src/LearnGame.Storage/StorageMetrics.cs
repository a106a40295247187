using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace LearnGame.Storage;

/// <summary>
/// The storage's own instruments (meter "LearnGame.Storage"): for the shared transactions, how many writes each carried
/// (updates; on SQLite first writes too, under the same names), how long each waited for its transaction to start, and how long a transaction took, from opening the
/// connection to the commit (on PostgreSQL with fsync on, the commit waits for the disk); and how long each write or
/// clear took that went through Orleans' provider on its own.
/// </summary>
public static class StorageMetrics
{
    public const string MeterName = "LearnGame.Storage";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<long> Updates =
        Meter.CreateHistogram<long>("learngame.storage.transaction.updates", "{update}", "Grain state writes in one shared transaction (updates of Guid-keyed states; on SQLite their first writes too).");

    private static readonly Histogram<double> Duration =
        Meter.CreateHistogram<double>("learngame.storage.transaction.duration", "ms", "Time of one shared transaction, from opening the connection to the commit.");

    private static readonly Histogram<double> Wait =
        Meter.CreateHistogram<double>("learngame.storage.update.wait.duration", "ms", "Time a write (an update or a first write) waited for its shared transaction to start.");

    private static readonly Histogram<double> ProviderWrite =
        Meter.CreateHistogram<double>("learngame.storage.provider.duration", "ms",
            "Time of one write or clear that does not share a transaction (keys other than a Guid, clears, first writes on PostgreSQL), " +
            "through Orleans' provider, its wait for a turn included; failed ones too.");

    public static void UpdateWaited(long askedTimestamp, long startedTimestamp) =>
        Wait.Record(Stopwatch.GetElapsedTime(askedTimestamp, startedTimestamp).TotalMilliseconds);

    public static void TransactionDone(long startedTimestamp, int updates)
    {
        Duration.Record(Stopwatch.GetElapsedTime(startedTimestamp).TotalMilliseconds);
        Updates.Record(updates);
    }

    /// <summary>Runs a write or clear through the provider and records how long it took, whether it succeeded or not.</summary>
    public static async Task ProviderWriteTimed(Func<Task> operation)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await operation().ConfigureAwait(false);
        }
        finally
        {
            ProviderWrite.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }
}
