using System.Globalization;

namespace LearnGame.LoadTest;

/// <summary>Samples a process's resident memory and CPU once a second from /proc (Linux only; silent elsewhere).</summary>
public sealed class ProcessSampler : IAsyncDisposable
{
    private readonly int _pid;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private static readonly double TicksPerSecond = 100; // USER_HZ is 100 on every Linux we target

    public ProcessSampler(int pid)
    {
        _pid = pid;
        _loop = Task.Run(LoopAsync);
    }

    public long PeakRssBytes { get; private set; }
    public long LastRssBytes { get; private set; }
    public double PeakCpuPercent { get; private set; }
    public double LastCpuPercent { get; private set; }
    private double _cpuSum;
    private int _cpuSamples;
    public double MeanCpuPercent => _cpuSamples == 0 ? 0 : _cpuSum / _cpuSamples;
    public bool Available { get; private set; }

    private async Task LoopAsync()
    {
        var (lastTicks, lastTime) = (CpuTicks(), DateTime.UtcNow);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                if (Rss() is { } rss)
                {
                    Available = true;
                    LastRssBytes = rss;
                    PeakRssBytes = Math.Max(PeakRssBytes, rss);
                }
                var (ticks, now) = (CpuTicks(), DateTime.UtcNow);
                if (ticks is { } t && lastTicks is { } l)
                {
                    var cpu = 100.0 * (t - l) / TicksPerSecond / (now - lastTime).TotalSeconds;
                    LastCpuPercent = cpu;
                    PeakCpuPercent = Math.Max(PeakCpuPercent, cpu);
                    _cpuSum += cpu;
                    _cpuSamples++;
                }
                (lastTicks, lastTime) = (ticks, now);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private long? Rss()
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{_pid}/status"))
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return null;
    }

    /// <summary>utime + stime, fields 14 and 15 of /proc/pid/stat (counted after the command name, which may hold spaces).</summary>
    private long? CpuTicks()
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{_pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        await _loop;
        _stop.Dispose();
    }
}
