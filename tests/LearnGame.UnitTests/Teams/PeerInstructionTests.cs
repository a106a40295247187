using System.Text.Json;
using LearnGame.Domain.Questions;
using LearnGame.Domain.Quizzes;
using LearnGame.Domain.Sessions;
using LearnGame.Domain.Sessions.Views;
using LearnGame.UnitTests.Support;

namespace LearnGame.UnitTests.Teams;

/// <summary>Vote, discuss, revote: the first vote is not revealed, a discussion follows, the second vote is scored.</summary>
public class PeerInstructionTests
{
    private static SingleChoiceQuestion PeerInstruction(int discussionSeconds = 60) =>
        Make.Single() with { PeerInstruction = true, DiscussionSeconds = discussionSeconds };

    private static (TestGame Game, Seat Zoe, Seat Marc, Seat Ana) FirstVote()
    {
        var game = new TestGame(new SessionOptions { SpeedScoring = false }, PeerInstruction(), Make.Single());
        var (zoe, marc, ana) = (game.Join("Zoé"), game.Join("Marc"), game.Join("Ana"));
        game.Start();
        Assert.Equal(PeerStage.FirstVote, game.Session.CurrentRound!.Stage);
        game.Answer(zoe, Answers.Choice(0), answerId: "zoe-1");
        game.Answer(marc, Answers.Choice(1), answerId: "marc-1");
        game.Answer(ana, Answers.Choice(2), answerId: "ana-1");
        return (game, zoe, marc, ana);
    }

    [Fact]
    public void The_first_vote_closes_into_a_discussion_without_reveal_or_points()
    {
        var (game, zoe, marc, _) = FirstVote();
        game.Advance(20);

        Assert.True(game.Session.Tick(game.Now));

        Assert.Equal(SessionPhase.Discussion, game.Session.Phase);
        Assert.Equal(game.Now.AddSeconds(60), game.Session.CurrentRound!.DiscussionDeadline);
        Assert.Equal(game.Session.CurrentRound.DiscussionDeadline, game.Session.NextDeadline);
        Assert.Null(SessionViews.Reveal(game.Session));
        Assert.Equal((0, 0), (zoe.Score, marc.Score));
        Assert.Equal(GameError.AnswerTooLate, game.Answer(zoe, Answers.Choice(1)).Error);
    }

    [Fact]
    public void The_second_vote_opens_with_the_full_time_when_the_discussion_ends()
    {
        var (game, _, _, _) = FirstVote();
        game.RevealNow();
        game.Advance(59);
        Assert.False(game.Session.Tick(game.Now));
        game.Advance(1);

        Assert.True(game.Session.Tick(game.Now));

        Assert.Equal(SessionPhase.QuestionOpen, game.Session.Phase);
        Assert.Equal(PeerStage.SecondVote, game.Session.CurrentRound!.Stage);
        Assert.Equal(game.Now.AddSeconds(20), game.Session.CurrentRound.Deadline);
        Assert.Empty(game.Session.CurrentRound.Answers);
        Assert.Equal(PeerStage.SecondVote, SessionViews.Question(game.Session)!.Stage);
    }

    [Fact]
    public void The_trainer_may_cut_the_discussion_short()
    {
        var (game, _, _, _) = FirstVote();
        game.RevealNow();
        game.Next();
        Assert.Equal(SessionPhase.QuestionOpen, game.Session.Phase);
        Assert.Equal(PeerStage.SecondVote, game.Session.CurrentRound!.Stage);
    }

    [Fact]
    public void The_second_vote_is_scored_and_the_reveal_shows_both_votes_and_who_moved_toward_the_right_answer()
    {
        var (game, zoe, marc, ana) = FirstVote();
        game.RevealNow();
        game.Next();
        // A retry of a first vote is recognised, not taken as the second vote.
        Assert.True(game.Answer(zoe, Answers.Choice(0), answerId: "zoe-1").IsRepeat);
        game.Answer(zoe, Answers.Choice(1), answerId: "zoe-2");
        game.Answer(marc, Answers.Choice(1), answerId: "marc-2");
        game.Answer(ana, Answers.Choice(3), answerId: "ana-2");

        game.RevealNow();

        Assert.Equal(SessionPhase.Reveal, game.Session.Phase);
        Assert.Equal((1000, 1000, 0), (zoe.Score, marc.Score, ana.Score));
        var reveal = SessionViews.Reveal(game.Session)!;
        Assert.Equal(new Dictionary<string, int> { ["0"] = 1, ["1"] = 1, ["2"] = 1 }, reveal.FirstDistribution);
        Assert.Equal(new Dictionary<string, int> { ["1"] = 2, ["3"] = 1 }, reveal.Distribution);
        Assert.Equal(1, reveal.FirstCorrectCount);
        Assert.Equal(1, reveal.ChangedTowardCorrect); // Zoé; Marc was already right, Ana stayed wrong
    }

    [Fact]
    public void Ending_during_the_discussion_scores_the_first_votes()
    {
        var (game, _, marc, _) = FirstVote();
        game.RevealNow();

        Assert.Null(game.Session.End(game.Now));

        Assert.Equal(1000, marc.Score);
        Assert.Equal(SessionPhase.Ended, game.Session.Phase);
    }

    [Fact]
    public void Skipping_during_the_discussion_drops_the_question()
    {
        var (game, _, marc, _) = FirstVote();
        game.RevealNow();
        Assert.Null(game.Session.Skip(game.Now));
        Assert.Equal(SessionPhase.QuestionOpen, game.Session.Phase);
        Assert.Equal(1, game.Session.CurrentRound!.QuestionIndex);
        Assert.Equal(0, marc.Score);
    }

    [Fact]
    public void A_session_in_discussion_survives_a_json_round_trip()
    {
        var (game, _, _, _) = FirstVote();
        game.RevealNow();
        var json = game.Snapshot();
        var back = System.Text.Json.JsonSerializer.Deserialize<GameSession>(json, QuizJson.Options)!;
        Assert.Equal(SessionPhase.Discussion, back.Phase);
        Assert.Equal(game.Session.CurrentRound!.DiscussionDeadline, back.CurrentRound!.DiscussionDeadline);
        Assert.Equal(3, back.CurrentRound.Answers.Count);
    }

    [Theory]
    [InlineData(true, true, 60, "round-mode-conflict")]
    [InlineData(false, true, 5, "discussion-out-of-range")]
    [InlineData(false, true, 601, "discussion-out-of-range")]
    public void Invalid_round_modes_are_named(bool collaborative, bool peer, int discussion, string code)
    {
        var quiz = Make.Quiz(Make.Single() with { Collaborative = collaborative, PeerInstruction = peer, DiscussionSeconds = discussion });
        Assert.Contains(QuizValidator.Validate(quiz), e => e.Code == code && e.Path.StartsWith("questions[0]", StringComparison.Ordinal));
    }

    [Fact]
    public void A_poll_cannot_use_peer_instruction() =>
        Assert.Contains(QuizValidator.Validate(Make.Quiz(Make.Poll() with { PeerInstruction = true })), e => e.Code == "peer-instruction-needs-answer");

    [Fact]
    public void The_stage_is_sent_and_stored_as_the_number_the_protocol_names()
    {
        var game = new TestGame(PeerInstruction(), Make.Single());
        game.Join("Ana");
        game.Start();

        Assert.Contains("\"stage\":1", JsonSerializer.Serialize(SessionViews.Question(game.Session), JsonSerializerOptions.Web));
        var stored = JsonSerializer.Serialize(game.Session.CurrentRound, JsonSerializerOptions.Web);
        Assert.Contains("\"stage\":1", stored);
        Assert.Equal(PeerStage.FirstVote, JsonSerializer.Deserialize<Round>(stored, JsonSerializerOptions.Web)!.Stage);
        Assert.Equal(PeerStage.SecondVote, JsonSerializer.Deserialize<Round>("""{"stage":2}""", JsonSerializerOptions.Web)!.Stage);
    }
}
