using System.Diagnostics;
using LearnGame.SimulatedLearners;

namespace LearnGame.LoadTest;

/// <summary>The load tool's engine, callable as a library (the CI test runs it in-process).</summary>
public static class Simulation
{
    /// <summary>Runs every classroom to its end (or to the timeout), then checks consistency against the server's reports.</summary>
    public static async Task<SimulationResult> RunAsync(LoadOptions options, CancellationToken cancellationToken = default, TextWriter? progress = null)
    {
        if (options.Problem() is { } problem) throw new ArgumentException(problem, nameof(options));
        var warmUp = options.WarmUpLearners > 0 ? await WarmUpAsync(options, cancellationToken, progress) : null;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
        var cancel = timeout.Token;
        var m = new Measurements();
        m.Prepare(options.Questions);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        using var hubs = new HubClients(options.Url);
        hubs.Prepare(HubPayloads.Samples);
        await using var sampler = options.ServerPid is { } pid ? new ProcessSampler(pid) : null;
        await using var runtime = options.ServerMetrics ? await ServerRuntimeSampler.StartAsync(http, options.Url) : null;
        var rooms = Enumerable.Range(0, options.Classrooms).Select(n => new SimulatedClassroom(n, options, m, http, hubs, cancel)).ToList();
        var started = Stopwatch.GetTimestamp();
        var startedAt = DateTimeOffset.UtcNow;
        var gc = ToolUsage.Now();
        using var pauses = new PauseTimeline();
        using var progressLoop = new CancellationTokenSource();
        var progressTask = progress is null ? Task.CompletedTask : ProgressAsync(progress, m, sampler, options, started, progressLoop.Token);
        var problems = new List<string>();
        var timedOut = false;
        var rampUpCollected = 0;
        try
        {
            await Task.WhenAll(rooms.Select(async room =>
            {
                try
                {
                    await room.CreateAsync();
                    var index = rooms.IndexOf(room);
                    await Task.WhenAll(room.Learners.Select(async l =>
                    {
                        await Task.Delay(options.JoinDelay(index, l.Index), cancel);
                        await l.JoinAsync(cancel);
                    }));
                    CollectRampUpGarbage(ref rampUpCollected);
                    await room.PlayAsync();
                }
                catch (SimulationException e)
                {
                    m.Error(e.Code);
                }
                catch (Exception e) when (!cancel.IsCancellationRequested)
                {
                    m.Error("classroom:" + e.GetType().Name);
                }
            }));
            timedOut = cancel.IsCancellationRequested;
            if (!timedOut)
                foreach (var room in rooms.Where(r => r.Completed))
                    problems.AddRange(await room.CheckAsync());
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            timedOut = true;
        }
        var elapsed = Stopwatch.GetElapsedTime(started);
        progressLoop.Cancel();
        await progressTask;
        if (runtime is not null) await runtime.DisposeAsync(); // its last read closes the last question's round
        if (timedOut) problems.Add($"the run did not finish within --timeout {options.TimeoutSeconds} s");
        var incomplete = rooms.Count(r => !r.Completed);
        if (incomplete > 0) problems.Add($"{incomplete} of {rooms.Count} classrooms did not finish their game");
        if (warmUp is { Passed: false }) problems.Add("the warm-up game failed: " + (warmUp.Problem ?? "errors"));
        await Task.WhenAll(rooms.Select(r => r.LeaveAsync()));
        return new SimulationResult
        {
            Options = options with { },
            WarmUp = warmUp,
            StartedAt = startedAt,
            DurationSeconds = Math.Round(elapsed.TotalSeconds, 2),
            LearnersJoined = rooms.Sum(r => r.Learners.Count(l => l.Joined)),
            LearnersRejoined = rooms.Sum(r => r.Learners.Count(l => l.Rejoined)),
            AnswersAcked = m.AnswersAcked,
            EventsReceived = m.EventsReceived,
            Invocations = m.Invocations,
            EventsPerSecond = Math.Round(m.EventsReceived / elapsed.TotalSeconds, 1),
            Latencies = m.All.Select(r => r.Summary()).ToList(),
            PerQuestion = m.PerQuestion(pauses, runtime),
            Errors = m.Errors.OrderBy(e => e.Key, StringComparer.Ordinal).ToDictionary(e => e.Key, e => e.Value),
            Tool = ToolUsage.Since(gc),
            Server = sampler is { Available: true }
                ? new ServerUsage(Math.Round(sampler.PeakRssBytes / 1048576.0, 1), Math.Round(sampler.MeanCpuPercent, 1), Math.Round(sampler.PeakCpuPercent, 1))
                : null,
            ServerRuntime = runtime?.Whole(),
            ServerTimeline = runtime?.Timeline(startedAt, pauses) ?? [],
            Problems = problems.Take(200).ToList(),
            ProblemCount = problems.Count,
        };
    }

    /// <summary>
    /// A short game before the measured one, in this process, against the same server; nothing of it is counted. The
    /// tool compiles its handling of questions, answers and reveals the first time it runs them, on the cores the
    /// server needs, and would otherwise do so during the measured first question and measure it late; two questions
    /// with enough learners make that code hot here. The server plays the game too, so the figures after it are those
    /// of a server that has played a game since it started.
    /// </summary>
    private static async Task<WarmUp> WarmUpAsync(LoadOptions options, CancellationToken cancellationToken, TextWriter? progress)
    {
        var game = WarmUpOptions(options);
        progress?.WriteLine($"warm-up: 1 classroom × {game.Learners} learners, {game.Questions} questions (not measured)…");
        var result = await RunAsync(game, cancellationToken);
        var problem = result.Problems.FirstOrDefault() ?? result.Errors.Keys.FirstOrDefault();
        return new WarmUp(game.Learners, game.Questions, result.DurationSeconds, result.Passed, problem);
    }

    /// <summary>The warm-up game: one classroom of the asked learners, two questions answered quickly, nothing sampled or written.</summary>
    internal static LoadOptions WarmUpOptions(LoadOptions o) => o with
    {
        Classrooms = 1,
        Learners = o.WarmUpLearners,
        Questions = 2,
        RampUpSeconds = 1,
        FillInTurn = false,
        DropShare = 0,
        ThinkMedianMs = 500,
        RevealMs = 0,
        LeaderboardMs = 0,
        Seed = o.Seed + 1,
        TimeoutSeconds = Math.Min(o.TimeoutSeconds, 120),
        ServerPid = null,
        ServerMetrics = false,
        OutDirectory = null,
        WarmUpLearners = 0,
    };

    /// <summary>
    /// Once per run, when the first classroom has every learner in (by default the joins of all classrooms interleave,
    /// so the ramp-up is then nearly over; with --fill-in-turn it is the first classroom's, and the later ones' garbage
    /// is collected as it comes): the tool's own full collection of what opening thousands of connections left behind.
    /// Left to come by itself, it could fall on the first question and delay every simulated client's receipt.
    /// </summary>
    private static void CollectRampUpGarbage(ref int collected)
    {
        if (Interlocked.Exchange(ref collected, 1) == 0) GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    }

    private static async Task ProgressAsync(TextWriter output, Measurements m, ProcessSampler? sampler, LoadOptions options, long started, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var server = sampler is { Available: true } ? $" | server {sampler.LastRssBytes / 1048576} MiB, {sampler.LastCpuPercent:0}% CPU" : "";
                output.Write($"\r{Stopwatch.GetElapsedTime(started).TotalSeconds,6:0.0}s | connected {m.Connected}/{options.TotalLearners} | acked {m.AnswersAcked} | events {m.EventsReceived} | errors {m.ErrorCount}{server}   ");
            }
        }
        catch (OperationCanceledException)
        {
        }
        output.WriteLine();
    }
}

/// <summary>Everything one run measured, written as result.json.</summary>
public sealed record SimulationResult
{
    public required LoadOptions Options { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public double DurationSeconds { get; init; }
    public int LearnersJoined { get; init; }
    public int LearnersRejoined { get; init; }
    public long AnswersAcked { get; init; }
    public long EventsReceived { get; init; }
    public long Invocations { get; init; }
    public double EventsPerSecond { get; init; }
    /// <summary>The short game played first, not measured (--warm-up); null when none was.</summary>
    public WarmUp? WarmUp { get; init; }
    public required IReadOnlyList<LatencySummary> Latencies { get; init; }
    /// <summary>Question fan-out, acknowledgement and reveal fan-out of each question, all classrooms together.</summary>
    public IReadOnlyList<QuestionLatencies> PerQuestion { get; init; } = [];
    public required IReadOnlyDictionary<string, long> Errors { get; init; }
    public ServerUsage? Server { get; init; }
    /// <summary>The server's collection pause and JIT time over the run, from its /metrics (null when not read).</summary>
    public ServerRuntime? ServerRuntime { get; init; }
    /// <summary>The run read by read from the server's /metrics, about twice a second (written as timeline.csv); empty when not read.</summary>
    public IReadOnlyList<TimelineRow> ServerTimeline { get; init; } = [];
    /// <summary>The tool's own collections: they pause every simulated client, and so every latency measured.</summary>
    public ToolUsage? Tool { get; init; }
    /// <summary>Consistency problems (the first 200); empty means PASS.</summary>
    public required IReadOnlyList<string> Problems { get; init; }
    public int ProblemCount { get; init; }
    public bool Passed => ProblemCount == 0 && Errors.Count == 0;
}

/// <summary>The warm-up game (--warm-up): its size, how long it took, and whether it passed its own consistency check (else its first problem).</summary>
public sealed record WarmUp(int Learners, int Questions, double DurationSeconds, bool Passed, string? Problem);

/// <summary>The server process during the run, sampled from /proc once a second.</summary>
public sealed record ServerUsage(double PeakRssMiB, double MeanCpuPercent, double PeakCpuPercent);
