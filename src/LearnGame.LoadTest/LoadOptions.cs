using System.Globalization;
using System.Net;

namespace LearnGame.LoadTest;

/// <summary>What to simulate and where; parsed from the command line by <see cref="Parse"/>.</summary>
public sealed record LoadOptions
{
    public Uri Url { get; init; } = new("http://127.0.0.1:5080");
    public int Classrooms { get; init; } = 1;
    public int Learners { get; init; } = 25;
    public int Questions { get; init; } = 10;
    /// <summary>Seconds over which all learners join, spread evenly.</summary>
    public double RampUpSeconds { get; init; } = 5;
    /// <summary>
    /// Classrooms fill one after the other over the ramp-up, each starting once full (rooms that start at different
    /// times); by default the learners of all classrooms take turns, and every classroom starts near its end.
    /// </summary>
    public bool FillInTurn { get; init; }
    /// <summary>Share (0..1) of learners that drop and reconnect with their seat token in the middle question.</summary>
    public double DropShare { get; init; }
    /// <summary>Share (0..1) of answers that are right, on average over learners.</summary>
    public double RightShare { get; init; } = 0.7;
    /// <summary>Median thinking time; the spread is log-normal, capped below the time limit.</summary>
    public int ThinkMedianMs { get; init; } = 3000;
    public int TimeLimitSeconds { get; init; } = 20;
    /// <summary>How long the trainer shows each leaderboard before opening the next question (a trainer comments on it).</summary>
    public int LeaderboardMs { get; init; }
    /// <summary>How long the trainer shows each reveal (the right answer) before the leaderboard (a trainer explains it).</summary>
    public int RevealMs { get; init; }
    public int Seed { get; init; } = 42;
    /// <summary>The whole run is cancelled after this long, whatever state it is in.</summary>
    public double TimeoutSeconds { get; init; } = 600;
    public string? OutDirectory { get; init; }
    public int? ServerPid { get; init; }
    /// <summary>Read the server's collection pause and JIT time from its /metrics during the run.</summary>
    public bool ServerMetrics { get; init; } = true;
    public bool AllowRemote { get; init; }
    public bool Quiet { get; init; }
    /// <summary>Measure the raw WebSocket broadcast of this machine instead of a LearnGame server.</summary>
    public bool Baseline { get; init; }
    /// <summary>Team mode: automatic teams of this size (0: an individual game).</summary>
    public int TeamSize { get; init; }
    /// <summary>Team mode: every question is a consensus round (members vote, the team answers).</summary>
    public bool Consensus { get; init; }
    /// <summary>
    /// Learners of a short game the tool plays first, not measured (0: none): the tool then compiles its own code for
    /// questions, answers and reveals there, not during the measured first question (see <see cref="Simulation"/>).
    /// </summary>
    public int WarmUpLearners { get; init; }

    public int TotalLearners => Classrooms * Learners;

    public const string Help = """
        LearnGame load tool: simulates classrooms (one trainer + N learners each, real SignalR WebSocket clients)
        against a LearnGame server, measures latencies, and checks that every acknowledged answer was counted once.

        Usage: dotnet run -c Release --project src/LearnGame.LoadTest -- [options]

          --url <url>            server base URL (default http://127.0.0.1:5080); loopback only unless --allow-remote
          --classrooms <n>       sessions to run in parallel (default 1)
          --learners <n>         learners per classroom (default 25)
          --questions <n>        single-choice questions per quiz, 1..100 (default 10)
          --ramp-up <seconds>    spread the joins over this many seconds (default 5); the learners of all
                                 classrooms take turns, so every classroom fills, and starts, near its end
          --fill-in-turn         classrooms fill one after the other over the ramp-up instead, each starting once
                                 full: rooms that start at different times, as in a building on a conference day
          --drop-share <0..1>    share of learners that drop and rejoin with their seat token mid-game (default 0)
          --team-size <n>        play in automatic teams of n members, 2..50 (default: individual game)
          --consensus            with --team-size: every question is a consensus round (the team answers by majority)
          --right-share <0..1>   average share of right answers (default 0.7)
          --think-ms <ms>        median thinking time, log-normal spread (default 3000)
          --time-limit <s>       each question's time limit, 5..240 (default 20)
          --reveal-ms <ms>       how long the trainer shows each reveal before the leaderboard (default 0)
          --leaderboard-ms <ms>  how long the trainer shows each leaderboard before the next question (default 0)
          --seed <n>             random seed: names, answers, thinking times (default 42)
          --warm-up <n>          first play a short game of n learners, not measured (one classroom, 2 questions,
                                 quick answers), so that the tool has compiled its own code before the measured first
                                 question; it plays against the same server, which warms up too (default 0: none)
          --timeout <seconds>    hard limit for the whole run (default 600)
          --server-pid <pid>     sample this process's memory and CPU from /proc during the run
          --no-server-metrics    do not read the server's /metrics (by default twice a second: the time its
                                 collections paused it and the time it spent compiling, per question and in all,
                                 and timeline.csv)
          --out <dir>            write result.json and report.md (with latency plot report.svg) there, and
                                 timeline.csv: the server read by read from its /metrics (CPU, answers and events
                                 a second, pauses, JIT, thread pool, shared transactions) with the tool's own pauses
          --allow-remote         allow a non-loopback URL (never from CI or shared machines)
          --quiet                no live progress line
          --baseline             no LearnGame: broadcast 20 question-sized messages from a minimal Kestrel
                                 WebSocket server (a second process it starts) to classrooms × learners raw clients
                                 (the physical limit)
          --help                 this text

        The tool's own sockets complete on .NET's socket threads (DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1),
        which leaves more of a shared machine to the server; set that variable to 0 to run them the default way.
        The report gives the latencies for the whole run, then question by question (the question and reveal
        fan-outs and the acknowledgement of question n, every classroom together: the first is often the slowest;
        with how long the tool itself was paused from the question's first send to its last receipt, and over the
        whole round, to its last acknowledgement or reveal, how long the tool and the server were paused by their
        collections and how long each spent compiling), and the tool's own garbage collections: each pause delays
        every simulated client.

        Exit code: 0 PASS, 1 FAIL (consistency or errors), 2 bad arguments.
        """;

    /// <summary>Parses arguments; returns null with an error message when they are wrong.</summary>
    public static (LoadOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        var o = new LoadOptions();
        try
        {
            for (var i = 0; i < args.Count; i++)
            {
                string Value() => i + 1 < args.Count ? args[++i] : throw new FormatException($"{args[i]} needs a value.");
                int Int() => int.Parse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture);
                double Real() => double.Parse(Value(), NumberStyles.Float, CultureInfo.InvariantCulture);
                o = args[i] switch
                {
                    "--url" => o with { Url = new Uri(Value(), UriKind.Absolute) },
                    "--classrooms" => o with { Classrooms = Int() },
                    "--learners" => o with { Learners = Int() },
                    "--questions" => o with { Questions = Int() },
                    "--ramp-up" => o with { RampUpSeconds = Real() },
                    "--fill-in-turn" => o with { FillInTurn = true },
                    "--drop-share" => o with { DropShare = Real() },
                    "--right-share" => o with { RightShare = Real() },
                    "--team-size" => o with { TeamSize = Int() },
                    "--consensus" => o with { Consensus = true },
                    "--think-ms" => o with { ThinkMedianMs = Int() },
                    "--time-limit" => o with { TimeLimitSeconds = Int() },
                    "--leaderboard-ms" => o with { LeaderboardMs = Int() },
                    "--reveal-ms" => o with { RevealMs = Int() },
                    "--seed" => o with { Seed = Int() },
                    "--warm-up" => o with { WarmUpLearners = Int() },
                    "--timeout" => o with { TimeoutSeconds = Real() },
                    "--server-pid" => o with { ServerPid = Int() },
                    "--no-server-metrics" => o with { ServerMetrics = false },
                    "--out" => o with { OutDirectory = Value() },
                    "--allow-remote" => o with { AllowRemote = true },
                    "--quiet" => o with { Quiet = true },
                    "--baseline" => o with { Baseline = true },
                    _ => throw new FormatException($"Unknown option {args[i]} (see --help)."),
                };
            }
        }
        catch (Exception e) when (e is FormatException or OverflowException or UriFormatException)
        {
            return (null, e.Message);
        }
        return o.Problem() is { } problem ? (null, problem) : (o, null);
    }

    /// <summary>
    /// When learner <paramref name="learner"/> of classroom <paramref name="room"/> joins, from the start of the run: the
    /// joins are spread evenly over the ramp-up, either taking turns across classrooms or classroom after classroom.
    /// </summary>
    public TimeSpan JoinDelay(int room, int learner)
    {
        var total = TotalLearners;
        var each = total <= 1 ? TimeSpan.Zero : TimeSpan.FromSeconds(RampUpSeconds / total);
        return each * (FillInTurn ? room * Learners + learner : learner * Classrooms + room);
    }

    /// <summary>The first thing wrong with these options, or null.</summary>
    public string? Problem()
    {
        if (Url.Scheme is not ("http" or "https")) return "--url must be http or https.";
        if (!AllowRemote && !IsLoopback(Url)) return $"--url {Url.Host} is not a loopback address; pass --allow-remote to target another machine.";
        if (Classrooms is < 1 or > 1000) return "--classrooms must be 1..1000.";
        if (Learners is < 1 or > 10_000) return "--learners must be 1..10000.";
        if (Questions is < 1 or > 100) return "--questions must be 1..100.";
        if (TimeLimitSeconds is < 5 or > 240) return "--time-limit must be 5..240.";
        if (TeamSize is not 0 and (< 2 or > 50)) return "--team-size must be 2..50.";
        if (Consensus && TeamSize == 0) return "--consensus needs --team-size.";
        if (WarmUpLearners is < 0 or > 1000) return "--warm-up must be 0..1000 learners.";
        if (DropShare is < 0 or > 1 || RightShare is < 0 or > 1) return "--drop-share and --right-share are between 0 and 1.";
        if (RampUpSeconds < 0 || ThinkMedianMs < 0 || LeaderboardMs < 0 || RevealMs < 0 || TimeoutSeconds <= 0)
            return "--ramp-up, --think-ms, --reveal-ms, --leaderboard-ms must be ≥ 0 and --timeout > 0.";
        return null;
    }

    public static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
