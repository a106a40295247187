namespace LearnGame.Server.Extensions;

/// <summary>The server's --help text; everything else is configuration (appsettings, environment, --Key=value).</summary>
public static class CommandLine
{
    /// <summary>Runs a start-up step; bad settings are printed one clear line each instead of a stack trace.</summary>
    public static bool TryStart(Action start)
    {
        try
        {
            start();
            return true;
        }
        catch (Exception e) when (StartupSettings.Messages(e) is { } messages)
        {
            foreach (var message in messages) Console.Error.WriteLine($"LearnGame cannot start: {message}");
            return false;
        }
    }

    public static bool HandleHelp(string[] args)
    {
        if (!args.Any(a => a is "--help" or "-h" or "-?")) return false;
        Console.WriteLine("""
            LearnGame server — a self-hosted live learning game (AGPL-3.0-or-later).

            Usage: dotnet run --project src/LearnGame.Server [-- options]

            Options (each is also a configuration key, settable in appsettings.json or the environment):
              --urls <urls>                      Where to listen (default http://localhost:5080).
              --Storage:Provider <sqlite|postgres>
                                                 sqlite (default: embedded, one silo) or postgres (storage,
                                                 cluster membership and reminders; several silos).
              --Storage:ConnectionString <cs>    PostgreSQL (Npgsql) connection string, with Provider postgres
                                                 (env Storage__ConnectionString).
              --Storage:DataDirectory <dir>      Folder of the embedded SQLite database
                                                 (env Storage__DataDirectory; default: ./data under the server's content root).
              --Library:TrainerKeys:0 <key>      A secret that opens a trainer space of the quiz library
                                                 (env Library__TrainerKeys__0; add :1, :2… for more trainers).
              --Retention:EndedSessions <d.hh:mm:ss>
                                                 How long an ended session keeps nicknames, answers and seat
                                                 tokens before they are purged; the report's per-question
                                                 aggregates stay (default 30.00:00:00, 30 days).
              --Retention:CheckEvery <hh:mm:ss>  Period of the purge reminder after its first tick
                                                 (default 01:00:00; at least 00:01:00).
              --Realtime:SendTimeoutSeconds <n> How long a connection may go without taking a message before it
                                                 is closed (its browser reconnects; nobody else waits for it
                                                 meanwhile; default 10, 1 to 600).
              --Orleans:AdvertisedAddress <ip>   The address other silos reach this one at (default 127.0.0.1).
              --Orleans:SiloPort <port>          Orleans silo-to-silo port (default 11111).
              --Orleans:GatewayPort <port>       Orleans client gateway port (default 30000).
              --Orleans:ClusterId <id>           Orleans cluster id (default learngame).
              --Orleans:ServiceId <id>           Orleans service id; part of every stored row's key (default learngame).
              --Orleans:Kubernetes true          Run as a Kubernetes pod with Orleans' Kubernetes hosting (PostgreSQL
                                                 only; the pod's IP is advertised). See deploy/kubernetes.
              --Security:AllowedOrigins:0 <url>  A public origin besides the address browsers use, whose pages may
                                                 open game connections (e.g. https://quiz.example.org; add :1…).
              --Operations:OperatorKey <key>     A secret that opens the Orleans Dashboard at /dashboard
                                                 (env Operations__OperatorKey); without it there is no dashboard.
              -h, --help                         Show this help.

            Endpoints: SignalR hub /hubs/game, REST /api (OpenAPI /openapi/v1.json, reference /api-reference/),
            health /health, metrics /metrics, dashboard /dashboard.
            See docs/protocol.md and docs/operations.md.
            """);
        return true;
    }
}
