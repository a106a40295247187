using LearnGame.Domain.Sessions;

namespace LearnGame.Domain.Reports;

/// <summary>
/// What remains of an ended session after its retention period: the per-question aggregates of its report and the
/// hash of the host token that may read them. No nickname, no answer of anyone, no seat token. Typed answers are free
/// text a learner wrote (a name, a remark), so their texts go too: only their counts stay.
/// </summary>
public sealed record SessionArchive(
    Guid SessionId,
    string JoinCode,
    string Title,
    string Language,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EndedAt,
    DateTimeOffset PurgedAt,
    int LearnerCount,
    string HostTokenHash,
    IReadOnlyList<QuestionReport> Questions)
{
    /// <summary>Keeps the aggregates of an ended session; everything about a person is left behind.</summary>
    public static SessionArchive Of(GameSession game, DateTimeOffset now)
    {
        var report = SessionReport.Of(game);
        return new SessionArchive(game.Id, game.JoinCode, report.Title, report.Language, game.CreatedAt, game.EndedAt, now,
            report.Learners.Count, game.HostTokenHash, report.Questions.Select(WithoutFreeText).ToList());
    }

    private static QuestionReport WithoutFreeText(QuestionReport q) =>
        q.Type == "typed" ? q with { Distribution = new Dictionary<string, int>(), MostChosenWrongAnswer = null, MostChosenWrongCount = 0 } : q;

    public bool IsHost(string? token) => token is not null && SecretToken.Matches(token, HostTokenHash);

    /// <summary>The report as it reads after the purge: the questions' aggregates, no learners.</summary>
    public SessionReport Report() =>
        new(SessionId, Title, Language, SessionPhase.Ended, CreatedAt, Questions, []) { PurgedAt = PurgedAt, LearnerCount = LearnerCount };
}
