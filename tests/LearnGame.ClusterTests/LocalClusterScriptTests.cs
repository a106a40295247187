using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using LearnGame.Domain.Questions;
using LearnGame.Testing;

namespace LearnGame.ClusterTests;

/// <summary>deploy/local-cluster.sh, run as an operator would: silos up, a game across two of them, all stopped.</summary>
[Collection(PostgresCollection.Name)]
public sealed partial class LocalClusterScriptTests(PostgresServer postgres)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(180);

    [Fact]
    public async Task Two_silos_start_healthy_a_game_is_created_on_one_and_joined_on_the_other_and_stop_leaves_no_process()
    {
        var dir = ServerHost.NewDataDirectory();
        var silos = new ConcurrentQueue<(int Index, Uri Url, int Pid)>();
        var output = new ConcurrentQueue<string>();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var script = Start(dir, "2");
        script.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            output.Enqueue(e.Data);
            if (SiloLine().Match(e.Data) is { Success: true } m)
                silos.Enqueue((int.Parse(m.Groups[1].Value), new Uri(m.Groups[2].Value), int.Parse(m.Groups[3].Value)));
            if (e.Data.StartsWith("ready: 2 silos healthy", StringComparison.Ordinal)) ready.TrySetResult();
        };
        script.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        script.BeginOutputReadLine();
        script.BeginErrorReadLine();
        try
        {
            var exited = script.WaitForExitAsync();
            if (await Task.WhenAny(ready.Task, exited, Task.Delay(Patience)) != ready.Task)
                Assert.Fail($"The cluster was not ready:\n{string.Join('\n', output)}");
            var printed = silos.OrderBy(s => s.Index).ToList();
            Assert.Equal([1, 2], printed.Select(s => s.Index));
            var (first, second) = (new ServerEndpoint(printed[0].Url), new ServerEndpoint(printed[1].Url));
            foreach (var silo in new[] { first, second })
            {
                using var http = silo.CreateHttpClient();
                Assert.Equal("ok", await http.GetStringAsync("/health"));
            }

            // Created and hosted through the first silo, joined and answered through the second.
            var created = await TrainerApi.CreateSession(first, new { quiz = System.Text.Json.Nodes.JsonNode.Parse(LearnGame.Domain.Quizzes.QuizJson.Write(TestQuizzes.Short())) });
            await using var trainer = await GameClient.Connect(first);
            Assert.True((await trainer.Host(created.SessionId, created.HostToken)).Ok);
            await using var learner = await GameClient.Connect(second);
            var joined = await learner.Join(created.JoinCode, "Camille");
            Assert.True(joined.Ok, joined.Message);
            Assert.True((await trainer.Do("Start")).Ok);
            await learner.WaitForQuestion(0);
            Assert.True((await learner.Answer(0, new Answer { Choices = [1] }, "a-0")).Ok);
            await trainer.WaitForQuestion(0);

            using var stop = Start(dir, "stop");
            var stopOutput = stop.StandardOutput.ReadToEndAsync();
            using var patience = new CancellationTokenSource(Patience);
            await stop.WaitForExitAsync(patience.Token);
            await script.WaitForExitAsync(patience.Token);
            Assert.Equal(0, stop.ExitCode);
            Assert.Equal(0, script.ExitCode);
            Assert.Contains("stopped", await stopOutput);
            foreach (var silo in printed)
                Assert.False(Directory.Exists($"/proc/{silo.Pid}"), $"silo {silo.Index} (pid {silo.Pid}) is still running");
            Assert.False(File.Exists(Path.Combine(dir, "cluster.pid")));
        }
        finally
        {
            if (!script.HasExited)
            {
                using var stop = Start(dir, "stop");
                await stop.WaitForExitAsync();
            }
        }
    }

    [GeneratedRegex(@"^silo (\d+): (http://127\.0\.0\.1:\d+)  silo port \d+  gateway port \d+  pid (\d+)  log ")]
    private static partial Regex SiloLine();

    private Process Start(string dir, string argument)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(Repository.Root, "deploy", "local-cluster.sh"));
        start.ArgumentList.Add(argument);
        start.Environment["LEARNGAME_POSTGRES"] = postgres.ConnectionString;
        start.Environment["LEARNGAME_CLUSTER_DIR"] = dir;
        start.Environment["LEARNGAME_CLUSTER_ID"] = $"script-{Path.GetFileName(dir)}";
        start.Environment["LEARNGAME_SERVICE_ID"] = $"script-{Path.GetFileName(dir)}";
        start.Environment["LEARNGAME_CONFIGURATION"] = Repository.Configuration;
        return Process.Start(start)!;
    }
}
