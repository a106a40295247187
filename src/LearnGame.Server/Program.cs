using LearnGame.Server.Apis;
using LearnGame.Server.Extensions;
using LearnGame.Server.Realtime;
using LearnGame.Server.Rehearsal;
using LearnGame.Server.Security;

var builder = WebApplication.CreateBuilder(args);
if (CommandLine.HandleHelp(args)) return 0;
if (!CommandLine.TryStart(() => builder.AddLearnGameSilo().AddLearnGameRealtime())) return 2;
builder.AddLearnGameMetrics();
builder.Services.AddLearnGameApi();
builder.Services.AddLearnGameApiReference();
builder.Services.AddLearnGameRehearsal();
builder.Services.AddLearnGameWarmUp();
builder.Services.AddLearnGameOriginCheck(builder.Configuration);

var app = builder.Build();
app.UseLearnGameApi();
app.UseLearnGameOriginCheck();
app.UseLearnGameClient();
app.MapHealth();
app.MapLearnGameMetrics();
app.MapSessionsApi();
app.MapReportsApi();
app.MapContentApi();
app.MapLibraryApi();
app.MapRehearsalApi();
app.MapLearnersApi();
app.MapChallengesApi();
app.MapLearnGameApiReference();
app.MapLearnGameHub();
app.MapLearnGameDashboard();
return CommandLine.TryStart(app.Run) ? 0 : 2;

/// <summary>Entry point, visible to the functional tests' WebApplicationFactory.</summary>
public partial class Program;
