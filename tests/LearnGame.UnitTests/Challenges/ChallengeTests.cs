using LearnGame.Domain.Challenges;
using LearnGame.Domain.Questions;
using LearnGame.UnitTests.Support;

namespace LearnGame.UnitTests.Challenges;

public sealed class ChallengeTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static Challenge New(ChallengeGoal goal) => Challenge.Create(Guid.NewGuid(), "Objectif classe", goal, Now).Challenge!;

    [Fact]
    public void Correct_answers_add_up_across_sessions_until_the_goal_is_reached()
    {
        var challenge = New(new ChallengeGoal(GoalKind.CorrectAnswers, 10));
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());

        challenge.Contribute(new Contribution(a, 0, 6, 4), Now);
        challenge.Contribute(new Contribution(b, 0, 5, 5), Now);
        Assert.Equal(9, challenge.Current);
        Assert.False(challenge.Reached);

        challenge.Contribute(new Contribution(a, 1, 6, 1), Now.AddMinutes(1));
        Assert.True(challenge.Reached);
        Assert.Equal(Now.AddMinutes(1), challenge.ReachedAt);
        Assert.Equal(100, challenge.View().Percent);
        Assert.Equal(2, challenge.View().Sessions);
    }

    [Fact]
    public void A_contribution_delivered_twice_counts_once()
    {
        var challenge = New(new ChallengeGoal(GoalKind.CorrectAnswers, 100));
        var contribution = new Contribution(Guid.NewGuid(), 2, 10, 7);

        Assert.True(challenge.Contribute(contribution, Now));
        var version = challenge.View().Version;
        Assert.False(challenge.Contribute(contribution with { }, Now));

        Assert.Equal(7, challenge.Current);
        Assert.Equal(version, challenge.View().Version);
    }

    [Fact]
    public void Question_percent_counts_only_that_question_and_stays_reached_once_reached()
    {
        var challenge = New(new ChallengeGoal(GoalKind.QuestionPercent, 80, QuestionIndex: 1));
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());

        challenge.Contribute(new Contribution(a, 0, 10, 10), Now);
        Assert.Equal(0, challenge.Current);
        challenge.Contribute(new Contribution(a, 1, 10, 7), Now);
        Assert.Equal(70, challenge.Current);
        Assert.False(challenge.Reached);

        challenge.Contribute(new Contribution(b, 1, 10, 10), Now);
        Assert.Equal(85, challenge.Current);
        Assert.True(challenge.Reached);

        // A weaker group later lowers the share, but the class did reach the goal.
        challenge.Contribute(new Contribution(Guid.NewGuid(), 1, 20, 0), Now);
        Assert.Equal(42, challenge.Current);
        Assert.True(challenge.Reached);
    }

    [Theory]
    [InlineData(GoalKind.CorrectAnswers, 0, null, "goal.target")]
    [InlineData(GoalKind.CorrectAnswers, 10, 1, "goal.questionIndex")]
    [InlineData(GoalKind.QuestionPercent, 101, 0, "goal.target")]
    [InlineData(GoalKind.QuestionPercent, 80, null, "goal.questionIndex")]
    [InlineData((GoalKind)7, 80, null, "goal.kind")]
    public void A_bad_goal_is_refused_with_its_field(GoalKind kind, int target, int? question, string field)
    {
        var (challenge, problems) = Challenge.Create(Guid.NewGuid(), "Objectif", new ChallengeGoal(kind, target, question), Now);
        Assert.Null(challenge);
        Assert.Contains(problems, p => p.Path == field);
    }

    [Fact]
    public void A_title_is_required()
    {
        var (challenge, problems) = Challenge.Create(Guid.NewGuid(), "  ", new ChallengeGoal(GoalKind.CorrectAnswers, 5), Now);
        Assert.Null(challenge);
        Assert.Contains(problems, p => p.Path == "title" && p.Code == "challenge-title-invalid");
    }

    [Fact]
    public void A_session_contributes_each_closed_graded_question_without_skipped_questions_or_polls()
    {
        var game = new TestGame(Make.Single(), Make.Single(), Make.Poll(), Make.Single());
        var (zoe, marc) = (game.Join("Zoé"), game.Join("Marc"));
        game.Start();
        game.Accepted(zoe, new Answer { Choices = [1] });
        game.Accepted(marc, new Answer { Choices = [0] });
        game.RevealNow();
        game.NextQuestion();
        Assert.Null(game.Session.Skip(game.Now));
        game.Accepted(zoe, new Answer { Choices = [0] });
        game.RevealNow();
        game.NextQuestion();
        game.Accepted(zoe, new Answer { Choices = [1] });

        var contributions = Contributions.Of(game.Session).ToList();

        var only = Assert.Single(contributions);
        Assert.Equal(new Contribution(game.Session.Id, 0, 2, 1), only);
        Assert.Equal($"{game.Session.Id:N}:0", only.Id);
    }

    [Fact]
    public void Every_team_of_every_session_must_score_once_for_a_teams_goal_of_100_percent()
    {
        var challenge = New(new ChallengeGoal(GoalKind.TeamsScored, 100));
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());

        challenge.Contribute(new Contribution(a, 0, 8, 5) { Teams = 2, TeamsScored = [1] }, Now);
        challenge.Contribute(new Contribution(b, 0, 6, 6) { Teams = 3, TeamsScored = [1, 2] }, Now);
        Assert.Equal(60, challenge.Current); // 3 teams of 5
        challenge.Contribute(new Contribution(a, 1, 8, 2) { Teams = 2, TeamsScored = [1] }, Now);
        Assert.Equal(60, challenge.Current); // a team scoring twice counts once
        // An individual session has no team: it neither helps nor holds the goal back.
        challenge.Contribute(new Contribution(Guid.NewGuid(), 0, 20, 20), Now);
        Assert.Equal(60, challenge.Current);
        challenge.Contribute(new Contribution(a, 2, 8, 1) { Teams = 2, TeamsScored = [2] }, Now);
        Assert.False(challenge.Reached);
        challenge.Contribute(new Contribution(b, 1, 6, 1) { Teams = 3, TeamsScored = [3] }, Now.AddMinutes(2));

        Assert.Equal(100, challenge.Current);
        Assert.True(challenge.Reached);
    }

    [Fact]
    public void A_team_session_contributes_which_teams_scored_in_each_round()
    {
        var game = new Support.TestGame(new Domain.Sessions.SessionOptions
        {
            SpeedScoring = false,
            Teams = new Domain.Teams.TeamOptions { Formation = Domain.Teams.TeamFormation.Choose, Count = 2 },
        }, Make.Single());
        var (zoe, marc) = (game.Join("Zoé"), game.Join("Marc"));
        game.Session.ChooseTeam(zoe.Id, 1);
        game.Session.ChooseTeam(marc.Id, 2);
        game.Start();
        game.Accepted(zoe, Answers.Choice(1));
        game.Accepted(marc, Answers.Choice(0));
        game.RevealNow();

        var contribution = Assert.Single(Contributions.Of(game.Session));

        Assert.Equal(2, contribution.Teams);
        Assert.Equal([1], contribution.TeamsScored!);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void A_teams_goal_is_a_percentage(int target) =>
        Assert.Equal(["goal.target"], new ChallengeGoal(GoalKind.TeamsScored, target).Problems().Select(p => p.Path));
}
