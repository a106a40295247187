using LearnGame.Grains.Abstractions.Diagnostics;
using OpenTelemetry.Metrics;

namespace LearnGame.Server.Extensions;

/// <summary>OpenTelemetry metrics — LearnGame's own meter plus ASP.NET Core's and SignalR's — as Prometheus text at /metrics.</summary>
public static class MetricsExtensions
{
    public const string Path = "/metrics";

    public static WebApplicationBuilder AddLearnGameMetrics(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(GameMetrics.MeterName, LearnGame.Storage.StorageMetrics.MeterName)
            .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Http.Connections")
            // .NET's own: collections and their pause time, heap sizes, thread-pool threads and queue, CPU time.
            .AddMeter("System.Runtime")
            // Buckets in milliseconds, fine where our latencies live (a few ms) and up to the second.
            .AddView("learngame.fanout.duration", new ExplicitBucketHistogramConfiguration { Boundaries = [0.5, 1, 2, 5, 10, 25, 50, 100, 250, 500, 1000] })
            .AddView("learngame.storage.write.duration", new ExplicitBucketHistogramConfiguration { Boundaries = [0.5, 1, 2, 5, 10, 25, 50, 100, 250, 500, 1000] })
            .AddView("learngame.storage.commit.batch", new ExplicitBucketHistogramConfiguration { Boundaries = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000] })
            .AddView("learngame.storage.transaction.updates", new ExplicitBucketHistogramConfiguration { Boundaries = [1, 2, 5, 10, 25, 50, 100, 256] })
            .AddView("learngame.storage.transaction.duration", new ExplicitBucketHistogramConfiguration { Boundaries = [0.5, 1, 2, 5, 10, 25, 50, 100, 250, 500, 1000] })
            .AddView("learngame.storage.update.wait.duration", new ExplicitBucketHistogramConfiguration { Boundaries = [0.5, 1, 2, 5, 10, 25, 50, 100, 250, 500, 1000] })
            .AddView("learngame.storage.provider.duration", new ExplicitBucketHistogramConfiguration { Boundaries = [0.5, 1, 2, 5, 10, 25, 50, 100, 250, 500, 1000] })
            .AddPrometheusExporter());
        return builder;
    }

    /// <summary>Prometheus scrapes this; it holds counts and timings, never a token or a nickname.</summary>
    public static void MapLearnGameMetrics(this WebApplication app) => app.MapPrometheusScrapingEndpoint(Path);
}
