using System.Text.Json;
using LearnGame.Domain.Quizzes;
using LearnGame.Domain.Reports;
using LearnGame.Domain.Sessions;
using LearnGame.UnitTests.Support;

namespace LearnGame.UnitTests.Sessions;

/// <summary>Ended sessions keep their personal data for the retention period, then only the per-question aggregates remain.</summary>
public sealed class RetentionTests
{
    private static readonly TimeSpan ThirtyDays = TimeSpan.FromDays(30);

    private static TestGame PlayedAndEnded()
    {
        var game = new TestGame(Make.Single(), Make.Typed("Paris"));
        var (zoe, marc) = (game.Join("Zoé"), game.Join("Marc"));
        game.Start();
        game.Accepted(zoe, Answers.Choice(1));
        game.Accepted(marc, Answers.Choice(2));
        game.RevealNow();
        game.NextQuestion();
        game.Accepted(zoe, new() { Text = "Zoé lives in Lyon" });
        game.RevealNow();
        Assert.Null(game.Session.End(game.Now));
        return game;
    }

    [Fact]
    public void A_live_session_is_never_due_however_old_it_is()
    {
        var game = new TestGame(Make.Single());
        game.Join("Zoé");
        game.Start();
        game.Advance(ThirtyDays.TotalSeconds * 2);

        Assert.False(Retention.IsDue(game.Session, ThirtyDays, game.Now));
        Assert.Null(Retention.Remaining(game.Session, ThirtyDays, game.Now));
    }

    [Fact]
    public void An_ended_session_is_due_once_the_retention_period_has_passed_since_it_ended()
    {
        var game = PlayedAndEnded();
        Assert.Equal(game.Now, game.Session.EndedAt);

        game.Advance(ThirtyDays.TotalSeconds - 1);
        Assert.False(Retention.IsDue(game.Session, ThirtyDays, game.Now));
        Assert.Equal(TimeSpan.FromSeconds(1), Retention.Remaining(game.Session, ThirtyDays, game.Now));

        game.Advance(1);
        Assert.True(Retention.IsDue(game.Session, ThirtyDays, game.Now));
        Assert.Equal(TimeSpan.Zero, Retention.Remaining(game.Session, ThirtyDays, game.Now));
    }

    [Fact]
    public void Ending_from_the_podium_also_starts_the_retention_period()
    {
        var game = new TestGame(Make.Single());
        game.Join("Zoé");
        game.Start();
        game.RevealNow();
        game.Next();
        game.Next();
        Assert.Equal(SessionPhase.Podium, game.Session.Phase);
        game.Advance(5);
        game.Next();

        Assert.Equal(game.Now, game.Session.EndedAt);
    }

    [Fact]
    public void The_archive_keeps_the_question_aggregates_and_nothing_about_a_person()
    {
        var game = PlayedAndEnded();
        var full = SessionReport.Of(game.Session);

        var archive = SessionArchive.Of(game.Session, game.Now);
        var report = archive.Report();

        // Choice questions keep their whole aggregate; a typed question keeps its counts, not the texts learners wrote.
        Assert.Equal(JsonSerializer.Serialize(full.Questions[0], QuizJson.Options), JsonSerializer.Serialize(report.Questions[0], QuizJson.Options));
        Assert.Equal((1, 0, 0.0), (report.Questions[1].AnsweredCount, report.Questions[1].CorrectCount, report.Questions[1].PercentCorrect));
        Assert.Empty(report.Questions[1].Distribution);
        Assert.Null(report.Questions[1].MostChosenWrongAnswer);
        Assert.Empty(report.Learners);
        Assert.Equal(2, report.LearnerCount);
        Assert.Equal(game.Now, report.PurgedAt);
        Assert.True(archive.IsHost(TestGame.HostToken));
        Assert.False(archive.IsHost(TestGame.TokenOf("Zoé")));
        var stored = JsonSerializer.Serialize(archive, QuizJson.Options);
        foreach (var personal in new[] { "Marc", "Zoé", "Lyon", TestGame.TokenOf("Zoé"), SecretToken.Hash(TestGame.TokenOf("Zoé")), "answer-1" })
            Assert.DoesNotContain(personal, stored);
    }
}
