using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace LearnGame.Storage.Tests;

/// <summary>
/// A TCP relay in front of PostgreSQL that can break one connection at its next COMMIT: either before the server gets
/// it (the transaction is rolled back), or once the server has answered it (the transaction is stored, and the client
/// never hears so). Plain connections only (the connection string it gives turns TLS off).
/// </summary>
public sealed class CommitBreakingProxy : IAsyncDisposable
{
    public enum Break { None, DropCommit, LoseCommitAnswer }

    // A simple-query message's text as Npgsql sends a transaction's commit, and the server's CommandComplete tag for it.
    private static readonly byte[] Commit = Encoding.ASCII.GetBytes("COMMIT\0");

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly NpgsqlConnectionStringBuilder _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _break;

    public CommitBreakingProxy(string connectionString)
    {
        _target = new NpgsqlConnectionStringBuilder(connectionString);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>The target's connection string, through this relay, with pooling off so that each open is a new connection.</summary>
    public string ConnectionString => new NpgsqlConnectionStringBuilder(_target.ConnectionString)
    {
        Host = "127.0.0.1",
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port,
        SslMode = SslMode.Disable,
        Pooling = false,
    }.ConnectionString;

    /// <summary>Completes when a break has happened: true once the server answered the COMMIT that was lost.</summary>
    public TaskCompletionSource<bool> Broken { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Breaks the next COMMIT that goes through, then relays as before.</summary>
    public void BreakNextCommit(Break how)
    {
        Broken = new(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _break, (int)how);
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using var _ = client;
        using var server = new TcpClient();
        await server.ConnectAsync(_target.Host!, _target.Port);
        var (toServer, toClient) = (server.GetStream(), client.GetStream());
        var commitSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var upstream = Task.Run(async () =>
        {
            var buffer = new byte[64 * 1024];
            int read;
            while ((read = await toClient.ReadAsync(buffer, _stop.Token)) > 0)
            {
                if (buffer.AsSpan(0, read).IndexOf(Commit) >= 0 && (Break)Interlocked.Exchange(ref _break, (int)Break.None) is var how && how != Break.None)
                {
                    if (how == Break.DropCommit)
                    {
                        Broken.TrySetResult(false);
                        return;
                    }
                    commitSent.TrySetResult();
                }
                await toServer.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
            }
        });
        var downstream = Task.Run(async () =>
        {
            var buffer = new byte[64 * 1024];
            int read;
            while ((read = await toServer.ReadAsync(buffer, _stop.Token)) > 0)
            {
                // Everything before the COMMIT was read by the client before it sent it: this is the COMMIT's answer.
                if (commitSent.Task.IsCompleted && buffer.AsSpan(0, read).IndexOf(Commit) >= 0)
                {
                    Broken.TrySetResult(true);
                    return;
                }
                await toClient.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
            }
        });
        // Either side ending (or a break) closes both connections.
        await Task.WhenAny(upstream, downstream);
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        await _accepting;
    }
}
