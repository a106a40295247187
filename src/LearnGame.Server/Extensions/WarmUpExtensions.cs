using System.Diagnostics;
using LearnGame.Grains.Sessions;
using LearnGame.Storage;

namespace LearnGame.Server.Extensions;

/// <summary>
/// Plays a session in memory once the server starts (<see cref="SessionWarmUp"/>), in the background: the server
/// answers meanwhile, and the first real game no longer pays for compiling the game's code paths.
/// </summary>
public static partial class WarmUpExtensions
{
    public static IServiceCollection AddLearnGameWarmUp(this IServiceCollection services) => services.AddHostedService<WarmUp>();

    private sealed partial class WarmUp(TimeProvider time, ILogger<WarmUp> log) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            _ = Task.Run(Play, CancellationToken.None);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        private void Play()
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                var events = SessionWarmUp.Play(LearnGameStateSerializer.DefaultOptions, time.GetUtcNow());
                LogWarmedUp(log, events.Count, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            catch (Exception e)
            {
                // Only the first game's speed depends on it.
                LogWarmUpFailed(log, e);
            }
        }

        [LoggerMessage(Level = LogLevel.Information, Message = "Warmed up: a session of {Events} events played in memory in {Milliseconds} ms")]
        private static partial void LogWarmedUp(ILogger log, int events, long milliseconds);

        [LoggerMessage(Level = LogLevel.Warning, Message = "The warm-up failed; the first game will be slower to start, nothing else changes")]
        private static partial void LogWarmUpFailed(ILogger log, Exception e);
    }
}
