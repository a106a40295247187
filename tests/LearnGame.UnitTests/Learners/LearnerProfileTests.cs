using LearnGame.Domain.Learners;

namespace LearnGame.UnitTests.Learners;

public sealed class LearnerProfileTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static SessionOutcome Outcome(bool[] correct, bool[]? answered = null, int bestStreak = 0, bool teamGame = false, Guid? sessionId = null, bool[]? graded = null) =>
        new(sessionId ?? Guid.NewGuid(), "Quiz", Now, "Zoé", 1000, 1, 10, bestStreak, teamGame,
            correct.Select((c, i) => new QuestionOutcome(i, answered?[i] ?? true, graded?[i] ?? true, c, c ? 1000 : 0)).ToList());

    private static LearnerProfile NewProfile() => LearnerProfile.Create("Zoé", Now).Profile!;

    [Fact]
    public void Session_xp_is_five_for_taking_part_ten_per_correct_and_two_per_other_answer()
    {
        // 2 correct, 1 wrong, 1 unanswered: 5 + 20 + 2.
        Assert.Equal(27, XpRules.ForSession(Outcome([true, true, false, false], answered: [true, true, true, false])));
    }

    [Fact]
    public void A_perfect_game_earns_a_bonus_and_needs_three_graded_questions()
    {
        Assert.Equal(5 + 30 + 20, XpRules.ForSession(Outcome([true, true, true])));
        Assert.Equal(5 + 20, XpRules.ForSession(Outcome([true, true])));
        // A poll is not graded: it neither counts toward nor spoils a perfect game.
        Assert.True(XpRules.IsPerfect(Outcome([true, true, true, false], graded: [true, true, true, false])));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(99, 1)]
    [InlineData(100, 2)]
    [InlineData(299, 2)]
    [InlineData(300, 3)]
    [InlineData(600, 4)]
    [InlineData(1000, 5)]
    public void Levels_start_at_fifty_times_n_times_n_minus_one(int xp, int level) => Assert.Equal(level, XpRules.Level(xp));

    [Fact]
    public void Recording_the_same_session_twice_counts_it_once()
    {
        var profile = NewProfile();
        var outcome = Outcome([true, false, true]);

        Assert.True(profile.Record(outcome, Now));
        var xp = profile.Xp;
        Assert.False(profile.Record(outcome, Now));

        Assert.Equal(xp, profile.Xp);
        Assert.Single(profile.History);
    }

    [Fact]
    public void First_correct_answer_badge_comes_with_the_first_session_that_has_one_and_only_once()
    {
        var profile = NewProfile();
        profile.Record(Outcome([false, false]), Now);
        Assert.False(profile.HasBadge(Badge.FirstCorrect));

        profile.Record(Outcome([false, true]), Now);
        profile.Record(Outcome([true, true]), Now);

        Assert.Single(profile.Badges, b => b.Code == Badge.FirstCorrect);
        Assert.Equal([Badge.FirstCorrect], profile.History[1].Badges);
    }

    [Fact]
    public void Streak_perfect_game_team_player_and_regular_badges_follow_their_rules()
    {
        var profile = NewProfile();
        profile.Record(Outcome([true, true, true, true, true], bestStreak: 5), Now);
        Assert.True(profile.HasBadge(Badge.StreakOfFive));
        Assert.True(profile.HasBadge(Badge.PerfectGame));
        Assert.False(profile.HasBadge(Badge.TeamPlayer));

        // A team game with an unanswered question is not enough; answering every graded question is.
        profile.Record(Outcome([true, false], answered: [true, false], teamGame: true), Now);
        Assert.False(profile.HasBadge(Badge.TeamPlayer));
        profile.Record(Outcome([false, false], teamGame: true), Now);
        Assert.True(profile.HasBadge(Badge.TeamPlayer));

        Assert.False(profile.HasBadge(Badge.Regular));
        profile.Record(Outcome([false]), Now);
        profile.Record(Outcome([false]), Now);
        Assert.True(profile.HasBadge(Badge.Regular));
    }

    [Fact]
    public void A_completed_challenge_earns_xp_and_the_badge_once_per_challenge()
    {
        var profile = NewProfile();
        var challenge = Guid.NewGuid();

        Assert.True(profile.CompleteChallenge(challenge, Now));
        Assert.False(profile.CompleteChallenge(challenge, Now));
        Assert.Equal(XpRules.ChallengeCompleted, profile.Xp);

        Assert.True(profile.CompleteChallenge(Guid.NewGuid(), Now));
        Assert.Equal(2 * XpRules.ChallengeCompleted, profile.Xp);
        Assert.Single(profile.Badges, b => b.Code == Badge.ChallengeCompleted);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("a\u200Bb")]
    [InlineData("un nom bien trop long pour un profil")]
    public void A_display_name_follows_the_nickname_rules(string name)
    {
        var profile = NewProfile();
        Assert.Equal(LearnerProfile.DisplayNameInvalid, profile.Rename(name));
        Assert.Equal("Zoé", profile.DisplayName);
    }

    [Fact]
    public void A_learner_id_is_derived_from_the_token_and_only_well_formed_tokens_are_taken()
    {
        var token = Domain.Sessions.SecretToken.New();
        Assert.True(LearnerToken.IsWellFormed(token));
        Assert.Equal(LearnerToken.IdOf(token), LearnerToken.IdOf(token));
        Assert.NotEqual(LearnerToken.IdOf(token), LearnerToken.IdOf(Domain.Sessions.SecretToken.New()));
        Assert.False(LearnerToken.IsWellFormed("short"));
        Assert.False(LearnerToken.IsWellFormed(new string('a', 40) + "/"));
        Assert.False(LearnerToken.IsWellFormed(null));
    }
}
