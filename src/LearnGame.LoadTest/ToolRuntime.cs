using System.Diagnostics;

namespace LearnGame.LoadTest;

/// <summary>
/// How the tool runs its own thousands of clients. They share the machine with the server, so what the tool spends on
/// itself is taken from the server and shows in every latency: this keeps it small, and the report says what it was.
/// </summary>
public static class ToolRuntime
{
    /// <summary>.NET reads it once, when the process opens its first socket (Linux and macOS only).</summary>
    public const string InlineCompletionsVariable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    private static bool _weSetIt;

    /// <summary>
    /// The tool's sockets complete on .NET's socket event threads instead of each completion hopping through the thread
    /// pool: each client receiving a broadcast is one hop fewer on cores the server needs. A value the environment
    /// already has wins ("0" keeps .NET's default). Call first thing in
    /// the tool's own process, before anything opens a socket; not in the --baseline broadcaster, which stands for a server.
    /// </summary>
    public static void PreferInlineSocketCompletions()
    {
        if (ValueToSet(Environment.GetEnvironmentVariable(InlineCompletionsVariable)) is { } value)
        {
            Environment.SetEnvironmentVariable(InlineCompletionsVariable, value);
            _weSetIt = true;
        }
        InlineCompletionsOn = ReadsInline(Environment.GetEnvironmentVariable(InlineCompletionsVariable));
    }

    /// <summary>What the tool sets the variable to, given its value in the environment: null leaves it as it is.</summary>
    public static string? ValueToSet(string? current) => current is null ? "1" : null;

    /// <summary>Whether .NET completes this process's sockets inline, as it reads the variable.</summary>
    public static bool ReadsInline(string? value) => value == "1" && !OperatingSystem.IsWindows();

    /// <summary>True when this process's sockets complete inline.</summary>
    public static bool InlineCompletionsOn { get; private set; } = ReadsInline(Environment.GetEnvironmentVariable(InlineCompletionsVariable));

    /// <summary>The --baseline broadcaster stands for a server, which runs with .NET's defaults: it does not inherit the tool's choice.</summary>
    public static void LeaveServerDefaults(ProcessStartInfo start) => LeaveServerDefaults(start, _weSetIt);

    /// <summary>Removes the variable from <paramref name="start"/>'s environment when the tool, not the user, set it.</summary>
    public static void LeaveServerDefaults(ProcessStartInfo start, bool toolSetIt)
    {
        if (toolSetIt) start.Environment.Remove(InlineCompletionsVariable);
    }
}

/// <summary>
/// The tool's own garbage collections during a run (each pause stops every simulated client at once), and its own
/// compiling (JIT), and all the CPU time it used (user and system, every thread), on the cores the server uses too.
/// </summary>
public sealed record ToolUsage(int Gen0Collections, int Gen1Collections, int Gen2Collections, double PausedMs, bool InlineSocketCompletions, double JitMs = 0, double CpuMs = 0)
{
    public readonly record struct Mark(int Gen0, int Gen1, int Gen2, TimeSpan Paused, TimeSpan Jit, TimeSpan Cpu);

    public static Mark Now() => new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration(), System.Runtime.JitInfo.GetCompilationTime(),
        Environment.CpuUsage.TotalTime);

    public static ToolUsage Since(Mark start)
    {
        var now = Now();
        return new(now.Gen0 - start.Gen0, now.Gen1 - start.Gen1, now.Gen2 - start.Gen2,
            Math.Round((now.Paused - start.Paused).TotalMilliseconds, 1), ToolRuntime.InlineCompletionsOn, Math.Round((now.Jit - start.Jit).TotalMilliseconds, 1),
            Math.Round((now.Cpu - start.Cpu).TotalMilliseconds));
    }
}
