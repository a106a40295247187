using LearnGame.Domain.Learners;
using LearnGame.Domain.Questions;
using LearnGame.Domain.Sessions;
using LearnGame.UnitTests.Support;

namespace LearnGame.UnitTests.Learners;

public sealed class SessionOutcomeTests
{
    [Fact]
    public void Only_seats_joined_with_a_profile_report_and_each_question_says_answered_graded_and_right()
    {
        var game = new TestGame(Make.Single(), Make.Single(), Make.Poll());
        var learner = Guid.NewGuid();
        var (zoe, _) = game.Session.Join("Zoé", "token-zoe", learner);
        game.Join("Marc");
        game.Start();
        game.Accepted(zoe!, new Answer { Choices = [1] });
        game.RevealNow();
        game.NextQuestion();
        game.RevealNow();
        game.NextQuestion();
        game.Accepted(zoe!, new Answer { Choices = [0] });
        game.RevealNow();
        Assert.Empty(SessionOutcomes.Of(game.Session, game.Now)); // not final yet: no podium
        game.Next();
        game.Next();
        Assert.Equal(SessionPhase.Podium, game.Session.Phase);

        var (id, outcome) = Assert.Single(SessionOutcomes.Of(game.Session, game.Now));

        Assert.Equal(learner, id);
        Assert.Equal("Zoé", outcome.Nickname);
        Assert.Equal(1, outcome.Rank);
        Assert.Equal(2, outcome.LearnerCount);
        Assert.Equal([true, false, true], outcome.Questions.Select(q => q.Answered));
        Assert.Equal([true, true, false], outcome.Questions.Select(q => q.Graded));
        Assert.Equal([true, false, false], outcome.Questions.Select(q => q.Correct));
        Assert.Equal(1, outcome.CorrectCount);
        Assert.Equal(2, outcome.GradedCount);
    }

    [Fact]
    public void Forgetting_a_learner_anonymises_its_seat_keeps_its_answers_and_closes_its_seat_token()
    {
        var game = new TestGame(Make.Single());
        var learner = Guid.NewGuid();
        var (zoe, _) = game.Session.Join("Zoé", "token-zoe", learner);
        game.Join("Marc");
        game.Start();
        game.Accepted(zoe!, new Answer { Choices = [1] });
        game.RevealNow();
        var before = Domain.Reports.SessionReport.Of(game.Session).Questions[0];

        Assert.Equal(1, game.Session.ForgetLearner(learner));

        Assert.Equal("Anonyme 1", zoe!.Nickname);
        Assert.Null(zoe.LearnerId);
        Assert.Null(game.Session.FindSeat("token-zoe"));
        var report = Domain.Reports.SessionReport.Of(game.Session);
        Assert.DoesNotContain(report.Learners, l => l.Nickname == "Zoé");
        Assert.Equal(before.CorrectCount, report.Questions[0].CorrectCount);
        Assert.Equal(before.AnsweredCount, report.Questions[0].AnsweredCount);
        // The nickname is free again, and forgetting twice changes nothing more.
        Assert.Null(game.Session.Join("Zoé", "token-new").Error);
        Assert.Equal(0, game.Session.ForgetLearner(learner));
    }
}
