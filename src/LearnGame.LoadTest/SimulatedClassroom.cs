using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Bogus;
using LearnGame.Domain.Questions;
using LearnGame.Domain.Quizzes;
using LearnGame.Domain.Sessions;
using LearnGame.SimulatedLearners;
using Microsoft.AspNetCore.SignalR.Client;

namespace LearnGame.LoadTest;

/// <summary>
/// One classroom: a trainer that creates the session over REST and drives it through the hub (Start, Reveal once
/// everyone's answer is settled or the time is up, Next … until Ended), its learners, and the final consistency check
/// against the server's report.
/// </summary>
public sealed class SimulatedClassroom
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private readonly HttpClient _http;
    private readonly int _number;
    private string _hostToken = ""; // a secret: kept in memory only, never printed
    private HubConnection? _trainer;
    // Counted from the learners' tasks; the trainer waits on them, as a trainer watches the answer count.
    private readonly Tally[] _settled;
    private readonly long[] _revealCalledAt;
    private readonly Tally _finished = new();

    public SimulatedClassroom(int number, LoadOptions options, Measurements measurements, HttpClient http, HubClients hubs, CancellationToken cancel)
    {
        _number = number;
        Options = options;
        Measurements = measurements;
        _http = http;
        Hubs = hubs;
        Cancel = cancel;
        var random = new Random(HashCode.Combine(options.Seed, number));
        Questions = Enumerable.Range(0, options.Questions).Select(i => new SingleChoiceQuestion
        {
            Text = $"Question {i + 1} of classroom {number + 1}",
            Choices = ["A", "B", "C", "D"],
            Correct = random.Next(4),
            TimeLimitSeconds = options.TimeLimitSeconds,
            Collaborative = options.Consensus,
        }).ToList();
        var faker = new Faker(number % 2 == 0 ? "fr" : "en") { Random = new Randomizer(HashCode.Combine(options.Seed, number, 1)) };
        Learners = Enumerable.Range(0, options.Learners).Select(i =>
        {
            var learnerRandom = new Random(HashCode.Combine(options.Seed, number, i));
            var skill = Math.Clamp(options.RightShare + (learnerRandom.NextDouble() - 0.5) * 0.4, 0, 1);
            var drops = learnerRandom.NextDouble() < options.DropShare;
            return new SimulatedLearner(this, i, Nickname(faker, i), learnerRandom, skill, drops);
        }).ToList();
        _settled = Enumerable.Range(0, options.Questions).Select(_ => new Tally()).ToArray();
        _revealCalledAt = new long[options.Questions];
    }

    public LoadOptions Options { get; }
    public Measurements Measurements { get; }
    /// <summary>Where this classroom's trainer and learners get their hub connections (shared by the whole run).</summary>
    public HubClients Hubs { get; }
    public CancellationToken Cancel { get; }
    public IReadOnlyList<SingleChoiceQuestion> Questions { get; }
    public IReadOnlyList<SimulatedLearner> Learners { get; }
    public Guid SessionId { get; private set; }
    public string JoinCode { get; private set; } = "";
    public bool Completed { get; private set; }

    /// <summary>A Bogus first name and initial, made unique by the learner's number and kept within 20 characters.</summary>
    private static string Nickname(Faker faker, int index)
    {
        var suffix = $" {faker.Name.LastName()[0]}{index + 1}";
        var first = faker.Name.FirstName();
        return (first.Length + suffix.Length > 20 ? first[..(20 - suffix.Length)] : first) + suffix;
    }

    /// <summary>A learner's answer to that question was acknowledged, refused or given up.</summary>
    public void AnswerSettled(int questionIndex) => _settled[questionIndex].Add();

    /// <summary>A learner has received the whole game, its end and their last standing included.</summary>
    public void LearnerFinished() => _finished.Add();

    /// <summary>Learners that have received the whole game, its end and their last standing included.</summary>
    public int FinishedLearners => _finished.Count;

    /// <summary>Standings each learner receives: one per leaderboard, podium and end; in a team game one more at the start, with its team.</summary>
    public int ExpectedStandings => Questions.Count + 2 + (Options.TeamSize > 0 ? 1 : 0);

    public async Task CreateAsync()
    {
        var quiz = new Quiz($"Load test classroom {_number + 1}", _number % 2 == 0 ? QuizLanguage.Fr : QuizLanguage.En, Questions.Cast<Question>().ToList());
        // The trainer drives Reveal itself, as in a class where the trainer comments before revealing.
        var teams = Options.TeamSize > 0 ? $",\"teams\":{{\"formation\":\"auto\",\"size\":{Options.TeamSize}}}" : "";
        var body = "{\"quiz\":" + QuizJson.Write(quiz) + ",\"options\":{\"speedScoring\":true,\"closeWhenAllAnswered\":false" + teams + "}}";
        using var response = await _http.PostAsync(new Uri(Options.Url, "/api/sessions"), new StringContent(body, Encoding.UTF8, "application/json"), Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        if (!response.IsSuccessStatusCode) throw new SimulationException($"create-session:{(int)response.StatusCode}", $"Creating a session answered {(int)response.StatusCode}.");
        using var created = JsonDocument.Parse(text);
        SessionId = created.RootElement.GetProperty("sessionId").GetGuid();
        JoinCode = created.RootElement.GetProperty("joinCode").GetString()!;
        _hostToken = created.RootElement.GetProperty("hostToken").GetString()!;
        _trainer = Hubs.Create();
        await _trainer.StartAsync(Cancel);
        var host = await _trainer.InvokeCoreAsync<JsonElement>("Host", [SessionId, _hostToken], Cancel);
        if (!host.GetProperty("ok").GetBoolean()) throw new SimulationException("host:" + host.GetProperty("error").GetString(), "The trainer could not host.");
    }

    /// <summary>Plays the whole game once the learners have joined (or failed to).</summary>
    public async Task PlayAsync()
    {
        var joined = Learners.Count(l => l.Joined);
        if (joined == 0) throw new SimulationException("no-learners", "No learner could join.");
        var window = TimeSpan.FromSeconds(Options.TimeLimitSeconds) + TimeSpan.FromSeconds(2);
        for (var i = 0; i < Questions.Count; i++)
        {
            await Control(i == 0 ? "Start" : "Next"); // from the lobby, or from the leaderboard of the previous question
            // The trainer sees the answer count; here it knows exactly when every learner's answer has settled, or
            // gives up once the question's time (and a margin) is over: the deadline has closed it by then.
            await _settled[i].ReachedAsync(joined, window, Cancel);
            _revealCalledAt[i] = Stopwatch.GetTimestamp();
            // The deadline may have closed the question already; then the reveal is not the trainer's and is not timed.
            if (!await Control("Reveal", acceptWrongPhase: true)) _revealCalledAt[i] = 0;
            if (Options.RevealMs > 0) await Task.Delay(Options.RevealMs, Cancel);
            await Control("Next"); // Leaderboard
            if (Options.LeaderboardMs > 0) await Task.Delay(Options.LeaderboardMs, Cancel);
        }
        await Control("Next"); // Podium
        await Control("Next"); // Ended
        // Learners that miss an event are reported by the check; 30 s is only how long the trainer waits for them.
        await _finished.ReachedAsync(Learners.Count(l => l.Joined), TimeSpan.FromSeconds(30), Cancel);
        Completed = true;
        for (var i = 0; i < Questions.Count; i++)
        {
            if (_revealCalledAt[i] == 0) continue;
            foreach (var l in Learners)
                if (l.RevealReceivedAt[i] is var at and > 0 && at >= _revealCalledAt[i])
                    Measurements.RevealReceived(i, Stopwatch.GetElapsedTime(_revealCalledAt[i], at), DateTimeOffset.UtcNow - Stopwatch.GetElapsedTime(at));
        }
    }

    private async Task<bool> Control(string action, bool acceptWrongPhase = false)
    {
        Measurements.Invoked();
        var result = await _trainer!.InvokeCoreAsync<JsonElement>(action, [], Cancel);
        if (result.GetProperty("ok").GetBoolean()) return true;
        var code = result.GetProperty("error").GetString();
        if (acceptWrongPhase && code == GameError.WrongPhase.Code) return false;
        throw new SimulationException($"{action.ToLowerInvariant()}:{code}", $"The trainer's {action} failed.");
    }

    /// <summary>Compares what each learner was acknowledged and received with the server's report; returns the problems found.</summary>
    public async Task<List<string>> CheckAsync()
    {
        var problems = new List<string>();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Options.Url, $"/api/sessions/{SessionId}/report"));
        request.Headers.Add("X-Host-Token", _hostToken);
        using var response = await _http.SendAsync(request, Cancel);
        if (!response.IsSuccessStatusCode) return [$"classroom {_number + 1}: the report answered {(int)response.StatusCode}"];
        var report = await response.Content.ReadFromJsonAsync<Report>(Web, Cancel);
        if (report is null) return [$"classroom {_number + 1}: empty report"];
        var bySeat = report.Learners.GroupBy(l => l.SeatId).ToDictionary(g => g.Key, g => g.ToList());
        string Who(SimulatedLearner l) => $"classroom {_number + 1}, learner {l.Index + 1} (seat {l.SeatId})";
        foreach (var l in Learners.Where(l => l.Joined))
        {
            if (!bySeat.TryGetValue(l.SeatId, out var rows) || rows.Count != 1) { problems.Add($"{Who(l)}: {(rows?.Count ?? 0)} rows in the report"); continue; }
            var row = rows[0];
            for (var i = 0; i < Questions.Count; i++)
            {
                var sent = l.Answers[i];
                var counted = row.Answers.Where(a => a.QuestionIndex == i).ToList();
                if (counted.Count != 1) { problems.Add($"{Who(l)}, question {i + 1}: {counted.Count} report entries"); continue; }
                var entry = counted[0];
                var acked = sent is { Acked: true };
                if (entry.Answered != acked) problems.Add($"{Who(l)}, question {i + 1}: acknowledged={acked} but counted={entry.Answered}");
                else if (acked && entry.Answer?.Choices is not [var c] || acked && entry.Answer!.Choices![0] != sent!.Choice)
                    problems.Add($"{Who(l)}, question {i + 1}: the stored answer differs from the acknowledged one");
                if (l.QuestionEvents[i] != 1) problems.Add($"{Who(l)}: {l.QuestionEvents[i]} question events for question {i + 1}");
                if (l.RevealEvents[i] != 1) problems.Add($"{Who(l)}: {l.RevealEvents[i]} reveal events for question {i + 1}");
                if (l.ResultEvents[i] != 1) problems.Add($"{Who(l)}: {l.ResultEvents[i]} own results (in the reveal) for question {i + 1}");
            }
            if (l.Leaderboards != Questions.Count) problems.Add($"{Who(l)}: {l.Leaderboards} leaderboard events, expected {Questions.Count}");
            if (l.Standings is var standings && standings != ExpectedStandings) problems.Add($"{Who(l)}: {standings} own standings (in the rankings, or on their own), expected {ExpectedStandings}");
            if (l.Podiums != 1 || l.EndedEvents != 1) problems.Add($"{Who(l)}: {l.Podiums} podium and {l.EndedEvents} ended events, expected 1 each");
        }
        if (bySeat.Count != Learners.Count(l => l.Joined)) problems.Add($"classroom {_number + 1}: {bySeat.Count} learners in the report, {Learners.Count(l => l.Joined)} joined");
        foreach (var q in report.Questions)
        {
            var acked = Learners.Count(l => l.Joined && l.Answers[q.QuestionIndex] is { Acked: true });
            if (q.AnsweredCount != acked) problems.Add($"classroom {_number + 1}, question {q.QuestionIndex + 1}: {q.AnsweredCount} answers counted, {acked} acknowledged");
        }
        if (report.Questions.Count != Questions.Count) problems.Add($"classroom {_number + 1}: {report.Questions.Count} questions played of {Questions.Count}");
        if (Options.TeamSize > 0)
        {
            var expected = (bySeat.Count + Options.TeamSize - 1) / Options.TeamSize;
            if (report.Teams is not { } teams || teams.Count < expected) problems.Add($"classroom {_number + 1}: {report.Teams?.Count ?? 0} teams, expected at least {expected}");
            if (report.Learners.Any(l => l.TeamId is null)) problems.Add($"classroom {_number + 1}: a learner without a team");
        }
        return problems;
    }

    public async Task LeaveAsync()
    {
        await Task.WhenAll(Learners.Select(l => l.LeaveAsync()));
        if (_trainer is { } t) await t.DisposeAsync();
    }

    private sealed record Report(List<ReportQuestion> Questions, List<ReportLearner> Learners, List<ReportTeam>? Teams);
    private sealed record ReportTeam(int TeamId);
    private sealed record ReportQuestion(int QuestionIndex, int AnsweredCount);
    private sealed record ReportLearner(int SeatId, List<ReportAnswer> Answers, int? TeamId);
    private sealed record ReportAnswer(int QuestionIndex, bool Answered, Answer? Answer);
}

/// <summary>A failure that stops one classroom; its code is counted in the errors.</summary>
public sealed class SimulationException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
