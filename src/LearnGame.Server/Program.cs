using LearnGame.Server.Apis;
using LearnGame.Server.Extensions;
using LearnGame.Server.Realtime;

var builder = WebApplication.CreateBuilder(args);
if (CommandLine.HandleHelp(args)) return;

builder.AddLearnGameSilo();
builder.AddLearnGameRealtime();

var app = builder.Build();
app.MapHealth();
app.MapSessionsApi();
app.MapReportsApi();
app.MapLibraryApi();
app.MapHub<GameHub>(GameHub.Path);
app.Run();

/// <summary>Entry point, visible to the functional tests' WebApplicationFactory.</summary>
public partial class Program;
