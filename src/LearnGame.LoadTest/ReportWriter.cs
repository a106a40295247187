using System.Globalization;
using System.Text;
using System.Text.Json;

namespace LearnGame.LoadTest;

/// <summary>Renders a run as a console summary, result.json, report.md and a percentile plot (report.svg).</summary>
public static class ReportWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string Summary(SimulationResult r)
    {
        var s = new StringBuilder();
        var o = r.Options;
        s.AppendLine(Invariant($"{o.Classrooms} classroom(s) × {o.Learners} learners, {o.Questions} questions, {r.DurationSeconds} s"));
        if (r.WarmUp is { } warm) s.AppendLine(WarmUpLine(warm));
        s.AppendLine(Invariant($"joined {r.LearnersJoined}/{o.TotalLearners}, rejoined {r.LearnersRejoined}, answers acknowledged {r.AnswersAcked}, events received {r.EventsReceived} ({r.EventsPerSecond}/s), calls {r.Invocations}"));
        s.AppendLine();
        s.Append(Table(r));
        if (r.PerQuestion.Count > 0) s.Append('\n').Append(PerQuestionTable(r));
        if (r.Server is { } server) s.AppendLine(Invariant($"\nserver: peak RSS {server.PeakRssMiB} MiB, CPU mean {server.MeanCpuPercent} %, peak {server.PeakCpuPercent} % (100 % = one core)"));
        if (r.ServerRuntime is { } runtime) s.AppendLine(RuntimeLine(runtime));
        if (r.Tool is { } tool) s.AppendLine(ToolLine(tool));
        s.AppendLine(r.Errors.Count == 0 ? "\nerrors: none" : "\nerrors: " + string.Join(", ", r.Errors.Select(e => $"{e.Key} ×{e.Value}")));
        foreach (var p in r.Problems.Take(20)) s.AppendLine("  problem: " + p);
        if (r.ProblemCount > 20) s.AppendLine($"  … and {r.ProblemCount - 20} more");
        s.AppendLine(r.Passed ? "PASS: every acknowledged answer counted exactly once, every learner received every phase" : "FAIL");
        return s.ToString();
    }

    private static string Table(SimulationResult r)
    {
        var s = new StringBuilder();
        s.AppendLine("| latency (ms) | count | p50 | p90 | p99 | p99.9 | max |");
        s.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var l in r.Latencies)
            s.AppendLine(Invariant($"| {l.Name} | {l.Count} | {l.P50} | {l.P90} | {l.P99} | {l.P999} | {l.Max} |"));
        return s.ToString();
    }

    private static string ToolLine(ToolUsage t) =>
        Invariant($"tool: {t.Gen0Collections}/{t.Gen1Collections}/{t.Gen2Collections} collections (gen0/1/2), {t.PausedMs} ms paused in all (each pause delays every simulated client), {t.JitMs} ms compiling (JIT), {t.CpuMs} ms of CPU, socket completions {(t.InlineSocketCompletions ? "inline" : "through the thread pool")}");

    private static string WarmUpLine(WarmUp w) =>
        Invariant($"after a warm-up game, not measured: 1 classroom × {w.Learners} learners, {w.Questions} questions, {w.DurationSeconds} s, {(w.Passed ? "PASS" : "FAIL: " + w.Problem)}");

    private static string RuntimeLine(ServerRuntime r) =>
        Invariant($"server (its /metrics): {r.GcPausedMs} ms paused by its collections, {r.JitMs} ms compiling (JIT), in all");

    /// <summary>
    /// The fan-outs and the acknowledgement question by question: a slow first question (code running for the first time,
    /// every classroom starting at once) shows here.
    /// </summary>
    private static string PerQuestionTable(SimulationResult r)
    {
        var s = new StringBuilder();
        s.AppendLine("| question | question fan-out p50 / p99 / max (ms) | tool paused during it (ms) | answer ack p50 / p99 / max (ms) | reveal fan-out p50 / p99 / max (ms) | whole round: tool paused / tool JIT / server paused / server JIT (ms) |");
        s.AppendLine("|---:|---:|---:|---:|---:|---:|");
        foreach (var q in r.PerQuestion)
            s.AppendLine(Invariant($"| {q.Question} | {Cell(q.QuestionFanOut)} | {Ms(q.ToolPausedMs)} | {Cell(q.Ack)} | {Cell(q.RevealFanOut)} | {Ms(q.Round?.ToolPausedMs)} / {Ms(q.Round?.ToolJitMs)} / {Ms(q.Round?.Server?.GcPausedMs)} / {Ms(q.Round?.Server?.JitMs)} |"));
        return s.ToString();

        static string Cell(LatencySummary l) => l.Count == 0 ? "not timed" : Invariant($"{l.P50} / {l.P99} / {l.Max}");
        static string Ms(double? ms) => ms is { } value ? Invariant($"{value}") : "—";
    }

    public static async Task WriteAsync(SimulationResult r, string directory)
    {
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "result.json"), JsonSerializer.Serialize(r, Json));
        var o = r.Options;
        var md = new StringBuilder();
        md.AppendLine("# LearnGame load test");
        md.AppendLine();
        md.AppendLine(Invariant($"- started {r.StartedAt:u}, {r.DurationSeconds} s, target `{o.Url}`"));
        md.AppendLine(Invariant($"- {o.Classrooms} classroom(s) × {o.Learners} learners × {o.Questions} questions; ramp-up {o.RampUpSeconds} s{(o.FillInTurn ? " (classrooms filled in turn)" : "")}, drop share {o.DropShare}, median thinking {o.ThinkMedianMs} ms, time limit {o.TimeLimitSeconds} s, reveal shown {o.RevealMs} ms, leaderboard {o.LeaderboardMs} ms, seed {o.Seed}"));
        if (r.WarmUp is { } warm) md.AppendLine("- " + WarmUpLine(warm));
        md.AppendLine(Invariant($"- machine: {Environment.ProcessorCount} logical CPUs, {Environment.OSVersion}, .NET {Environment.Version}"));
        md.AppendLine(Invariant($"- joined {r.LearnersJoined}, rejoined {r.LearnersRejoined}, answers acknowledged {r.AnswersAcked}, events received {r.EventsReceived} ({r.EventsPerSecond}/s)"));
        if (r.Server is { } server) md.AppendLine(Invariant($"- server: peak RSS {server.PeakRssMiB} MiB, CPU mean {server.MeanCpuPercent} %, peak {server.PeakCpuPercent} % (100 % = one core)"));
        if (r.ServerRuntime is { } runtime) md.AppendLine("- " + RuntimeLine(runtime));
        if (r.Tool is { } tool) md.AppendLine("- " + ToolLine(tool));
        md.AppendLine();
        md.Append(Table(r));
        md.AppendLine();
        if (r.PerQuestion.Count > 0)
        {
            md.Append(PerQuestionTable(r));
            md.AppendLine();
        }
        md.AppendLine("![latency percentiles](report.svg)");
        if (r.ServerTimeline.Count > 0)
        {
            md.AppendLine();
            md.AppendLine(Invariant($"The server read by read (its /metrics, {r.ServerTimeline.Count} stretches of about half a second), with the tool's own pauses: [timeline.csv](timeline.csv)."));
        }
        md.AppendLine();
        md.AppendLine(r.Errors.Count == 0 ? "Errors: none." : "Errors: " + string.Join(", ", r.Errors.Select(e => $"`{e.Key}` ×{e.Value}")));
        md.AppendLine();
        md.AppendLine(r.Passed ? "**PASS**" : $"**FAIL** ({r.ProblemCount} problems)");
        foreach (var p in r.Problems) md.AppendLine("- " + p);
        await File.WriteAllTextAsync(Path.Combine(directory, "report.md"), md.ToString());
        await File.WriteAllTextAsync(Path.Combine(directory, "report.svg"), Svg(r));
        if (r.ServerTimeline.Count > 0) await File.WriteAllTextAsync(Path.Combine(directory, "timeline.csv"), TimelineCsv(r.ServerTimeline));
    }

    /// <summary>The timeline as CSV (a header, then a row per read; decimal points, empty where not exported).</summary>
    public static string TimelineCsv(IReadOnlyList<TimelineRow> rows)
    {
        var s = new StringBuilder("seconds,server_cpu_percent,answers_per_second,events_per_second,connections,server_gc_paused_ms,server_jit_ms,thread_pool_threads,thread_pool_queue,transactions_per_second,mean_transaction_ms,mean_updates_per_transaction,tool_paused_ms,tool_jit_ms\n");
        foreach (var r in rows)
            s.AppendJoin(',', new double?[] { r.Seconds, r.ServerCpuPercent, r.AnswersPerSecond, r.EventsPerSecond, r.Connections, r.ServerGcPausedMs, r.ServerJitMs,
                r.ThreadPoolThreads, r.ThreadPoolQueue, r.TransactionsPerSecond, r.MeanTransactionMs, r.MeanUpdatesPerTransaction, r.ToolPausedMs, r.ToolJitMs }
                .Select(v => v is { } value ? value.ToString(CultureInfo.InvariantCulture) : "")).Append('\n');
        return s.ToString();
    }

    /// <summary>Percentile curves (x: percentile 0..100, y: milliseconds, log scale) of every latency measured.</summary>
    public static string Svg(SimulationResult r)
    {
        const int width = 720, height = 400, left = 60, bottom = 40, top = 20, right = 220;
        var curves = r.Latencies.Where(l => l.Count > 0).ToList();
        var max = Math.Max(1, curves.SelectMany(c => c.Curve).DefaultIfEmpty(1).Max());
        var min = Math.Max(0.01, curves.SelectMany(c => c.Curve).Where(v => v > 0).DefaultIfEmpty(0.1).Min());
        double X(int p) => left + p * (width - left - right) / 100.0;
        double Y(double ms) => top + (height - top - bottom) * (1 - (Math.Log10(Math.Max(ms, min)) - Math.Log10(min)) / Math.Max(1e-9, Math.Log10(max) - Math.Log10(min)));
        string[] colours = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"];
        var s = new StringBuilder();
        s.AppendLine(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"11\">"));
        s.AppendLine(Invariant($"<rect width=\"{width}\" height=\"{height}\" fill=\"white\"/>"));
        s.AppendLine(Invariant($"<line x1=\"{left}\" y1=\"{height - bottom}\" x2=\"{width - right}\" y2=\"{height - bottom}\" stroke=\"black\"/><line x1=\"{left}\" y1=\"{top}\" x2=\"{left}\" y2=\"{height - bottom}\" stroke=\"black\"/>"));
        foreach (var p in new[] { 0, 50, 90, 99, 100 })
            s.AppendLine(Invariant($"<text x=\"{X(p):0.#}\" y=\"{height - bottom + 15}\" text-anchor=\"middle\">p{p}</text>"));
        for (var decade = Math.Floor(Math.Log10(min)); decade <= Math.Ceiling(Math.Log10(max)); decade++)
        {
            var ms = Math.Pow(10, decade);
            if (ms < min || ms > max) continue;
            s.AppendLine(Invariant($"<text x=\"{left - 5}\" y=\"{Y(ms) + 4:0.#}\" text-anchor=\"end\">{ms:0.##} ms</text><line x1=\"{left}\" y1=\"{Y(ms):0.#}\" x2=\"{width - right}\" y2=\"{Y(ms):0.#}\" stroke=\"#ddd\"/>"));
        }
        for (var i = 0; i < curves.Count; i++)
        {
            var points = string.Join(" ", curves[i].Curve.Select((v, p) => Invariant($"{X(p):0.#},{Y(v):0.#}")));
            s.AppendLine(Invariant($"<polyline fill=\"none\" stroke=\"{colours[i % colours.Length]}\" stroke-width=\"2\" points=\"{points}\"/>"));
            s.AppendLine(Invariant($"<text x=\"{width - right + 10}\" y=\"{top + 15 + i * 16}\" fill=\"{colours[i % colours.Length]}\">{System.Security.SecurityElement.Escape(curves[i].Name)}</text>"));
        }
        s.AppendLine("</svg>");
        return s.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
