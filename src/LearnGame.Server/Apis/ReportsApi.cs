using System.Globalization;
using System.Text;
using CsvHelper;
using LearnGame.Domain.Quizzes;
using LearnGame.Domain.Reports;
using LearnGame.Grains.Abstractions.Sessions;

namespace LearnGame.Server.Apis;

/// <summary>
/// The trainer's session report: JSON, or CSV per learner or per question (UTF-8 with BOM, comma or semicolon).
/// The host token travels in the X-Host-Token header, never in the URL (URLs end up in logs).
/// </summary>
public static class ReportsApi
{
    public const string HostTokenHeader = "X-Host-Token";

    public static void MapReportsApi(this WebApplication app)
    {
        var reports = app.MapGroup("/api/sessions/{sessionId:guid}/report").WithBodyLimit().WithTags("Reports");
        reports.MapGet("", async (Guid sessionId, HttpRequest request, IGrainFactory grains) =>
            await WithReport(sessionId, request, grains, report => TypedResults.Ok(report)))
            .WithSummary("Get a session's report").WithDescription("The session's host token in X-Host-Token.");
        reports.MapGet("/learners.csv", async (Guid sessionId, string? separator, HttpRequest request, IGrainFactory grains) =>
            await WithReport(sessionId, request, grains, report => Csv(LearnersCsv(report, Separator(separator)), $"learners-{sessionId:N}.csv")))
            .WithSummary("Download the report per learner (CSV)").WithDescription("Host token in X-Host-Token; separator=semicolon for French Excel.");
        reports.MapGet("/teams.csv", async (Guid sessionId, string? separator, HttpRequest request, IGrainFactory grains) =>
            await WithReport(sessionId, request, grains, report => report.Teams is null
                ? ApiErrors.Problem(StatusCodes.Status404NotFound, "not-team-game", "This session was not played in teams.")
                : Csv(TeamsCsv(report, Separator(separator)), $"teams-{sessionId:N}.csv")))
            .WithSummary("Download the report per team (CSV)").WithDescription("Host token in X-Host-Token; team sessions only.");
        reports.MapGet("/questions.csv", async (Guid sessionId, string? separator, HttpRequest request, IGrainFactory grains) =>
            await WithReport(sessionId, request, grains, report => Csv(QuestionsCsv(report, Separator(separator)), $"questions-{sessionId:N}.csv")))
            .WithSummary("Download the report per question (CSV)").WithDescription("Host token in X-Host-Token; the most chosen wrong answer shows the likely misconception.");
    }

    private static async Task<IResult> WithReport(Guid sessionId, HttpRequest request, IGrainFactory grains, Func<SessionReport, IResult> render)
    {
        var token = request.Headers[HostTokenHeader].ToString();
        var result = string.IsNullOrEmpty(token) ? null : await grains.GetGrain<ISessionGrain>(sessionId).Report(token);
        return result is { Ok: true, Report: { } report }
            ? render(report)
            : ApiErrors.Problem(StatusCodes.Status403Forbidden, "forbidden", $"Send the session's host token in the {HostTokenHeader} header.");
    }

    /// <summary>French Excel expects semicolons; "semicolon" (or ";") picks them, anything else gives commas.</summary>
    private static char Separator(string? choice) => choice is "semicolon" or ";" ? ';' : ',';

    private static IResult Csv(string text, string fileName) =>
        TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray(), "text/csv; charset=utf-8", fileName);

    public static string LearnersCsv(SessionReport report, char separator)
    {
        var teams = report.Teams?.ToDictionary(t => t.TeamId, t => t.Name);
        var header = new List<string> { "rank", "nickname", "score", "correct", "answered", "totalTimeMs" };
        if (teams is not null) header.Add("team");
        foreach (var q in report.Questions) header.AddRange([$"q{q.QuestionIndex + 1}Correct", $"q{q.QuestionIndex + 1}Points"]);
        var rows = report.Learners.Select(l =>
        {
            var row = new List<string> { Text(l.Rank), l.Nickname, Text(l.Score), Text(l.CorrectCount), Text(l.AnsweredCount), Text(l.TotalTimeMs) };
            if (teams is not null) row.Add(l.TeamId is { } id ? teams.GetValueOrDefault(id, "") : "");
            foreach (var q in report.Questions)
            {
                var a = l.Answers.FirstOrDefault(x => x.QuestionIndex == q.QuestionIndex);
                row.AddRange([a is { Answered: true } ? (a.Correct ? "yes" : "no") : "", Text(a?.Points ?? 0)]);
            }
            return row.ToArray();
        });
        return Write(separator, header.ToArray(), rows);
    }

    public static string TeamsCsv(SessionReport report, char separator)
    {
        var header = new List<string> { "rank", "team", "score", "roundsWon", "members" };
        foreach (var q in report.Questions) header.AddRange([$"q{q.QuestionIndex + 1}Won", $"q{q.QuestionIndex + 1}Points"]);
        var rows = report.Teams!.Select(t =>
        {
            var row = new List<string> { Text(t.Rank), t.Name, Text(t.Score), Text(t.RoundsWon), string.Join(", ", t.Members) };
            foreach (var q in report.Questions)
            {
                var r = t.Rounds.FirstOrDefault(x => x.QuestionIndex == q.QuestionIndex);
                row.AddRange([r is null ? "" : r.Correct ? "yes" : "no", Text(r?.Points ?? 0)]);
            }
            return row.ToArray();
        });
        return Write(separator, header.ToArray(), rows);
    }

    public static string QuestionsCsv(SessionReport report, char separator) =>
        Write(separator,
            ["question", "type", "text", "answered", "correct", "percentCorrect", "meanTimeMs", "mostChosenWrongAnswer", "mostChosenWrongCount", "skipped"],
            report.Questions.Select(q => new[]
            {
                Text(q.QuestionIndex + 1), q.Type, q.Text, Text(q.AnsweredCount), Text(q.CorrectCount),
                q.PercentCorrect is { } p ? Text(p) : "", q.MeanTimeMs is { } m ? Text(m) : "",
                q.MostChosenWrongAnswer ?? "", Text(q.MostChosenWrongCount), q.Skipped ? "yes" : "no",
            }));

    private static string Write(char separator, string[] header, IEnumerable<string[]> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, new CsvWriterOptions { Separator = separator }, true))
        {
            csv.WriteRecord(header);
            foreach (var row in rows) csv.WriteRecord(row);
        }
        return text.ToString();
    }

    private static string Text<T>(T value) where T : IFormattable => value.ToString(null, CultureInfo.InvariantCulture);
}
