using System.Diagnostics;

namespace LearnGame.Testing;

/// <summary>Where the repository and this build are, and its scripts run as an operator would run them.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>Release or Debug: the tests run the server built in the same configuration (…/bin/&lt;Configuration&gt;/net10.0/).</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

    /// <summary>
    /// Runs a script of the repository (<paramref name="script"/> relative to its root) with bash until it exits, or
    /// <paramref name="patience"/> (three minutes by default) has passed. <paramref name="environment"/> sets variables,
    /// or removes those given as null.
    /// </summary>
    public static async Task<ScriptRun> RunScriptAsync(string script, IReadOnlyDictionary<string, string?> environment, IEnumerable<string> arguments, TimeSpan? patience = null)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(Root, script));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment)
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(patience ?? TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new ScriptRun(process.ExitCode, await output, await error);
    }

    private static string FindRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "LearnGame.sln"))) root = root.Parent;
        return root?.FullName ?? throw new InvalidOperationException("LearnGame.sln not found above the test folder.");
    }
}

/// <summary>How a script ended: its exit code and what it wrote to each stream.</summary>
public sealed record ScriptRun(int ExitCode, string Output, string Error)
{
    /// <summary>Both streams, for assertion messages and for lines that may go to either.</summary>
    public string All => Output + Error;
}
