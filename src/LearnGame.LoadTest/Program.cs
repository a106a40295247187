using LearnGame.LoadTest;

if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(LoadOptions.Help);
    return 0;
}
var (options, error) = LoadOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(error);
    return 2;
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
    Console.WriteLine($"Wrote {Path.Combine(directory, "result.json")}, report.md and report.svg");
}
return result.Passed ? 0 : 1;
