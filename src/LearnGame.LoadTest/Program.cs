using LearnGame.LoadTest;

if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(LoadOptions.Help);
    return 0;
}
// The other end of --baseline, started by the tool itself: "--baseline-server <clients> <timeout seconds>".
if (args is [Baseline.ServerSwitch, var expected, var limit])
    return await Baseline.ServeAsync(int.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
        double.Parse(limit, System.Globalization.CultureInfo.InvariantCulture));
// Before anything opens a socket; not in the broadcaster above, which stands for a server.
ToolRuntime.PreferInlineSocketCompletions();
var (options, error) = LoadOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(error);
    return 2;
}
if (options.Baseline)
{
    var baseline = await Baseline.RunAsync(options);
    var f = baseline.FanOut;
    Console.WriteLine(FormattableString.Invariant(
        $"baseline: {baseline.Connections} raw WebSockets, {baseline.Broadcasts} broadcasts, {baseline.MessagesReceived} messages received in {baseline.DurationSeconds} s; fan-out ms p50 {f.P50}, p90 {f.P90}, p99 {f.P99}, max {f.Max}; broadcaster peak RSS {baseline.ServerPeakRssMiB} MiB, CPU mean {baseline.ServerCpuMeanPercent} %"));
    if (options.OutDirectory is { } dir)
    {
        Directory.CreateDirectory(dir);
        await File.WriteAllTextAsync(Path.Combine(dir, "baseline.json"), System.Text.Json.JsonSerializer.Serialize(baseline, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web) { WriteIndented = true }));
    }
    return baseline.MessagesReceived == (long)baseline.Connections * baseline.Broadcasts ? 0 : 1;
}
using var interrupted = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    interrupted.Cancel();
};
var result = await Simulation.RunAsync(options, interrupted.Token, options.Quiet ? null : Console.Error);
Console.WriteLine(ReportWriter.Summary(result));
if (options.OutDirectory is { } directory)
{
    await ReportWriter.WriteAsync(result, directory);
    Console.WriteLine($"Wrote {Path.Combine(directory, "result.json")}, report.md and report.svg{(result.ServerTimeline.Count > 0 ? ", timeline.csv" : "")}");
}
return result.Passed ? 0 : 1;
