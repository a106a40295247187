using System.Collections.Concurrent;
using System.Diagnostics;

namespace LearnGame.Testing;

/// <summary>The built server run as a real child process, so a test can kill it with SIGKILL.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartupPatience = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ServerProcess(Process process, ServerEndpoint endpoint)
    {
        _process = process;
        Endpoint = endpoint;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public ServerEndpoint Endpoint { get; }
    public string Output => string.Join(Environment.NewLine, _output);

    public static async Task<ServerProcess> Start(string dataDirectory, string? clusterId = null, IDictionary<string, string>? settings = null)
    {
        var port = ServerHost.FreePort();
        var serverDll = ServerDll();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(serverDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var args = new List<string>
        {
            serverDll, "--urls", $"http://127.0.0.1:{port}",
            "--Orleans:SiloPort", ServerHost.FreePort().ToString(), "--Orleans:GatewayPort", ServerHost.FreePort().ToString(),
            "--Orleans:ClusterId", clusterId ?? $"proc-{Guid.NewGuid():N}",
        };
        foreach (var (key, value) in settings ?? TestStorage.Settings(dataDirectory, ServerHost.ServiceIdFor(dataDirectory))) args.AddRange([$"--{key}", value]);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        var server = new ServerProcess(Process.Start(start)!, new ServerEndpoint(new Uri($"http://127.0.0.1:{port}/")));
        await server.WaitUntilHealthy();
        return server;
    }

    /// <summary>Runs the server with these arguments until it exits by itself (a start-up refusal); returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunToExit(params string[] args)
    {
        var serverDll = ServerDll();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(serverDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(serverDll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(StartupPatience);
        try
        {
            await process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The server did not exit by itself.");
        }
        return (process.ExitCode, await output + await error);
    }

    /// <summary>SIGKILL: no shutdown code runs, exactly like a crash.</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>
    /// SIGTERM, as a service manager or a rolling restart sends it: the server shuts down gracefully. Returns the exit
    /// code once it has exited by itself; kills it and throws if it has not within <paramref name="patience"/>.
    /// </summary>
    public async Task<int> Terminate(TimeSpan patience)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await kill.WaitForExitAsync();
        using var wait = new CancellationTokenSource(patience);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"The server did not stop within {patience.TotalSeconds} s of SIGTERM:\n{Output}");
        }
        return _process.ExitCode;
    }

    private async Task WaitUntilHealthy()
    {
        using var http = Endpoint.CreateHttpClient();
        var deadline = DateTime.UtcNow + StartupPatience;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The server exited during start-up:\n{Output}");
            try
            {
                if ((await http.GetAsync("/health")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        Kill();
        throw new TimeoutException($"The server was not healthy within {StartupPatience.TotalSeconds} s:\n{Output}");
    }

    /// <summary>The server built next to these tests, in the same configuration (Debug or Release).</summary>
    private static string ServerDll()
    {
        var dll = Path.Combine(Repository.Root, "src", "LearnGame.Server", "bin", Repository.Configuration, "net10.0", "LearnGame.Server.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the server first.", dll);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Kill();
        }
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
