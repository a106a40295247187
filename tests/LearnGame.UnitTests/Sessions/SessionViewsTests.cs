using System.Text.Json;
using System.Text.Json.Nodes;
using LearnGame.Domain.Questions;
using LearnGame.Domain.Quizzes;
using LearnGame.Domain.Sessions;
using LearnGame.Domain.Sessions.Views;
using LearnGame.UnitTests.Support;

namespace LearnGame.UnitTests.Sessions;

public class SessionViewsTests
{
    private static readonly string[] SecretFields = ["correct", "accepted", "tolerance", "explanation", "ignoreAccents", "expectedAnswer"];

    /// <summary>Opens question <paramref name="index"/> of a game with one learner.</summary>
    private static TestGame OpenAt(int index, params Question[] questions)
    {
        var game = new TestGame(questions);
        game.Join("Zoé");
        game.Start();
        for (var i = 0; i < index; i++)
        {
            game.RevealNow();
            game.NextQuestion();
        }
        return game;
    }

    private static JsonObject Serialized(QuestionView view) => JsonNode.Parse(JsonSerializer.Serialize(view, QuizJson.Options))!.AsObject();

    // ----- Question -----

    [Fact]
    public void There_is_no_question_view_in_the_lobby() =>
        Assert.Null(SessionViews.Question(new TestGame(Make.Single()).Session));

    [Theory]
    [InlineData(0, "single")]
    [InlineData(1, "multiple")]
    [InlineData(2, "trueFalse")]
    [InlineData(3, "typed")]
    [InlineData(4, "numeric")]
    [InlineData(5, "ordering")]
    [InlineData(6, "poll")]
    public void The_question_view_never_contains_the_answer(int index, string type)
    {
        var questions = new Question[]
        {
            Make.Single() with { Explanation = "Secret explanation" },
            Make.Multiple(),
            Make.TrueFalse(),
            Make.Typed("Lutèce", "Lutetia"),
            Make.Numeric(correct: 37, tolerance: 3),
            Make.Ordering(),
            Make.Poll(),
        };
        var game = OpenAt(index, questions);

        var view = SessionViews.Question(game.Session)!;
        var json = JsonSerializer.Serialize(view, QuizJson.Options);
        var fields = Serialized(view).Select(p => p.Key).ToArray();

        Assert.Equal(type, view.Type);
        Assert.Equal((index, questions.Length), (view.Index, view.Count));
        Assert.Empty(fields.Intersect(SecretFields, StringComparer.OrdinalIgnoreCase));
        Assert.DoesNotContain("Secret explanation", json);
        Assert.DoesNotContain("Lut", json);
        Assert.DoesNotContain("37", json);
    }

    [Fact]
    public void A_single_choice_view_shows_text_choices_time_and_points()
    {
        var game = OpenAt(0, Make.Single(timeLimitSeconds: 30, points: PointsMode.Double) with { ImageUrl = "/img/x.png", ImageAlt = "Un schéma" });
        var view = SessionViews.Question(game.Session)!;

        Assert.Equal(("single", 30, PointsMode.Double, "/img/x.png", false), (view.Type, view.TimeLimitSeconds, view.Points, view.ImageUrl, view.AllowSeveral));
        Assert.Equal("Un schéma", view.ImageAlt);
        Assert.Equal(["Lyon", "Paris", "Marseille", "Lille"], view.Choices!);
        Assert.Equal("Quelle est la capitale de la France ?", view.Text);
    }

    [Fact]
    public void Multiple_choice_and_polls_say_whether_several_choices_are_allowed()
    {
        Assert.True(SessionViews.Question(OpenAt(0, Make.Multiple()).Session)!.AllowSeveral);
        Assert.True(SessionViews.Question(OpenAt(0, Make.Poll(allowSeveral: true)).Session)!.AllowSeveral);
        Assert.False(SessionViews.Question(OpenAt(0, Make.Poll(allowSeveral: false)).Session)!.AllowSeveral);
    }

    [Fact]
    public void A_numeric_view_shows_the_slider_but_not_the_value()
    {
        var view = SessionViews.Question(OpenAt(0, Make.Numeric() with { Step = 2.5 }).Session)!;
        Assert.Equal((0.0, 100.0, 2.5, "dB"), (view.Min, view.Max, view.Step, view.Unit));
        Assert.Null(view.Choices);
    }

    [Fact]
    public void An_ordering_view_shows_every_item_shuffled_the_same_way_for_everyone()
    {
        var game = OpenAt(0, Make.Ordering(items: 6));
        var question = (OrderingQuestion)game.Session.Quiz.Questions[0];

        var view = SessionViews.Question(game.Session)!;

        var shown = question.DisplayOrder(SessionViews.ShuffleSeed(game.Session, 0));
        Assert.Equal(Enumerable.Range(0, 6), view.Items!.Select(i => i.Id));
        Assert.Equal(shown.Select(authored => question.Items[authored]), view.Items!.Select(i => i.Text));
        Assert.Equal(view.Items!, SessionViews.Question(game.Session)!.Items!);
    }

    [Fact]
    public void An_ordering_answer_in_display_ids_is_graded_against_the_authored_order_and_revealed_in_display_ids()
    {
        var game = new TestGame(Make.Ordering(items: 5));
        var (zoe, leo) = (game.Join("Zoé"), game.Join("Léo"));
        game.Start();
        var question = (OrderingQuestion)game.Session.Quiz.Questions[0];
        var view = SessionViews.Question(game.Session)!;
        var right = view.Items!.OrderBy(i => question.Items.ToList().IndexOf(i.Text)).Select(i => i.Id).ToArray();

        var good = game.Answer(zoe, new Answer { Order = right });
        var naive = game.Answer(leo, new Answer { Order = [0, 1, 2, 3, 4] });

        Assert.Equal(1, good.Answer!.Credit);
        Assert.True(naive.Answer!.Credit < 1);
        game.Session.RevealNow(game.Now);
        Assert.Equal(right, SessionViews.Reveal(game.Session)!.CorrectAnswer!.Order);
    }

    [Fact]
    public void An_ordering_view_does_not_give_away_the_right_order_through_its_item_ids()
    {
        var game = OpenAt(0, Make.Ordering(items: 8));
        var question = (OrderingQuestion)game.Session.Quiz.Questions[0];

        var view = SessionViews.Question(game.Session)!;

        // Learners answer with item ids; if sorting the ids gives the authored order, any client can read the answer.
        Assert.NotEqual(question.Items, view.Items!.OrderBy(i => i.Id).Select(i => i.Text));
    }

    [Fact]
    public void The_shuffle_seed_is_stable_non_negative_and_differs_between_questions()
    {
        var session = new TestGame(Make.Ordering(), Make.Ordering()).Session;
        var seeds = Enumerable.Range(0, 20).Select(i => SessionViews.ShuffleSeed(session, i)).ToArray();

        Assert.All(seeds, s => Assert.True(s >= 0));
        Assert.Equal(seeds.Length, seeds.Distinct().Count());
        Assert.Equal(seeds[3], SessionViews.ShuffleSeed(session, 3));
        var other = GameSession.Create(Guid.Parse("0b9f1d2e-5a4c-4e3b-9b8a-7c6d5e4f3a2b"), "654321", session.Quiz, new(), "h", TestGame.StartTime);
        Assert.NotEqual(seeds[0], SessionViews.ShuffleSeed(other, 0));
    }

    [Fact]
    public void Type_names_match_the_quiz_file()
    {
        Assert.Equal(
            ["single", "multiple", "trueFalse", "typed", "numeric", "ordering", "poll"],
            new Question[] { Make.Single(), Make.Multiple(), Make.TrueFalse(), Make.Typed(), Make.Numeric(), Make.Ordering(), Make.Poll() }
                .Select(QuestionView.TypeName));
    }

    // ----- Reveal -----

    [Fact]
    public void There_is_no_reveal_while_the_question_is_open()
    {
        var game = OpenAt(0, Make.Single());
        Assert.Null(SessionViews.Reveal(game.Session));
        Assert.Null(SessionViews.Reveal(new TestGame(Make.Single()).Session));
    }

    [Fact]
    public void The_reveal_shows_the_right_answer_the_distribution_and_the_counts()
    {
        var game = new TestGame(Make.Single() with { Explanation = "Paris depuis 508." });
        var (zoe, marc, lea, _) = (game.Join("Zoé"), game.Join("Marc"), game.Join("Léa"), game.Join("Paul"));
        game.Start();
        game.Accepted(zoe, Answers.Choice(1));
        game.Accepted(marc, Answers.Choice(1));
        game.Accepted(lea, Answers.Choice(2));
        game.RevealNow();

        var reveal = SessionViews.Reveal(game.Session)!;

        Assert.Equal(0, reveal.QuestionIndex);
        Assert.Equal([1], reveal.CorrectAnswer!.Choices!);
        Assert.Equal(new Dictionary<string, int> { ["1"] = 2, ["2"] = 1 }, reveal.Distribution);
        Assert.Equal((3, 2, 4), (reveal.AnsweredCount, reveal.CorrectCount, reveal.LearnerCount));
        Assert.Equal("Paris depuis 508.", reveal.Explanation);
        Assert.Null(reveal.AcceptedAnswers);
        Assert.Null(reveal.Tolerance);
        Assert.False(reveal.Skipped);
    }

    [Fact]
    public void A_multiple_choice_reveal_counts_each_pick()
    {
        var game = new TestGame(Make.Multiple(0, 1));
        var (zoe, marc) = (game.Join("Zoé"), game.Join("Marc"));
        game.Start();
        game.Accepted(zoe, Answers.Choices(0, 1));
        game.Accepted(marc, Answers.Choices(1, 3));
        game.RevealNow();

        var reveal = SessionViews.Reveal(game.Session)!;

        Assert.Equal(new Dictionary<string, int> { ["0"] = 1, ["1"] = 2, ["3"] = 1 }, reveal.Distribution);
        Assert.Equal(1, reveal.CorrectCount);
        Assert.Equal([0, 1], reveal.CorrectAnswer!.Choices!);
    }

    [Fact]
    public void A_typed_reveal_lists_the_accepted_answers_and_groups_equivalent_typings()
    {
        var game = new TestGame(Make.Typed("éléphant", "elephant"));
        var (zoe, marc, lea) = (game.Join("Zoé"), game.Join("Marc"), game.Join("Léa"));
        game.Start();
        game.Accepted(zoe, Answers.Text("  ÉLÉPHANT "));
        game.Accepted(marc, Answers.Text("elephant"));
        game.Accepted(lea, Answers.Text("Mammouth"));
        game.RevealNow();

        var reveal = SessionViews.Reveal(game.Session)!;

        Assert.Equal(["éléphant", "elephant"], reveal.AcceptedAnswers!);
        Assert.Equal("éléphant", reveal.CorrectAnswer!.Text);
        Assert.Equal(new Dictionary<string, int> { ["elephant"] = 2, ["mammouth"] = 1 }, reveal.Distribution);
        Assert.Equal(2, reveal.CorrectCount);
    }

    [Fact]
    public void A_numeric_reveal_gives_the_tolerance()
    {
        var game = new TestGame(Make.Numeric(correct: 50, tolerance: 5));
        var zoe = game.Join("Zoé");
        game.Start();
        game.Accepted(zoe, Answers.Number(52));
        game.RevealNow();

        var reveal = SessionViews.Reveal(game.Session)!;

        Assert.Equal((50.0, 5.0), (reveal.CorrectAnswer!.Number, reveal.Tolerance));
        Assert.Equal(new Dictionary<string, int> { ["52"] = 1 }, reveal.Distribution);
    }

    [Fact]
    public void A_poll_reveal_has_no_right_answer()
    {
        var game = new TestGame(Make.Poll());
        var (zoe, marc) = (game.Join("Zoé"), game.Join("Marc"));
        game.Start();
        game.Accepted(zoe, Answers.Choice(2));
        game.Accepted(marc, Answers.Choice(2));
        game.RevealNow();

        var reveal = SessionViews.Reveal(game.Session)!;

        Assert.Null(reveal.CorrectAnswer);
        Assert.Equal(0, reveal.CorrectCount);
        Assert.Equal(new Dictionary<string, int> { ["2"] = 2 }, reveal.Distribution);
    }

    [Fact]
    public void After_skipping_the_last_question_the_reveal_says_it_was_skipped()
    {
        var game = new TestGame(Make.Single());
        var zoe = game.Join("Zoé");
        game.Start();
        game.Accepted(zoe, Answers.Choice(1));
        game.Session.Skip(game.Now);

        var reveal = SessionViews.Reveal(game.Session)!;

        Assert.True(reveal.Skipped);
        Assert.Equal(0, reveal.CorrectCount);
    }

    // ----- Leaderboard -----

    [Fact]
    public void The_leaderboard_shows_the_top_ten_of_twelve_and_counts_all_twelve()
    {
        var game = new TestGame(Make.TrueFalse());
        var seats = Enumerable.Range(1, 12).Select(i => game.Join($"Apprenant {i}")).ToArray();
        game.Start();
        foreach (var seat in Enumerable.Reverse(seats))
        {
            game.Accepted(seat, Answers.Flag(true));
            game.Advance(1);
        }
        game.RevealNow();

        var board = SessionViews.Leaderboard(game.Session);

        Assert.Equal(12, board.LearnerCount);
        Assert.Equal(10, board.Top.Count);
        Assert.Equal(Enumerable.Range(1, 10), board.Top.Select(e => e.Rank));
        Assert.Equal(Enumerable.Reverse(seats).Take(10).Select(s => s.Id), board.Top.Select(e => e.SeatId));
        Assert.Equal(("Apprenant 12", 1000, 1), (board.Top[0].Nickname, board.Top[0].Score, board.Top[0].CorrectCount));
        Assert.True(board.Top.Zip(board.Top.Skip(1)).All(p => p.First.Score > p.Second.Score));
    }

    [Fact]
    public void A_podium_is_a_leaderboard_of_three()
    {
        var game = new TestGame(Make.TrueFalse());
        game.Join("A", "B", "C", "D", "E");

        var podium = SessionViews.Leaderboard(game.Session, SessionViews.PodiumSize);

        Assert.Equal(["A", "B", "C"], podium.Top.Select(e => e.Nickname));
        Assert.Equal(5, podium.LearnerCount);
    }

    // ----- Results, standing, own answer -----

    [Fact]
    public void Results_give_every_learner_a_line_including_those_who_did_not_answer()
    {
        var game = new TestGame(new SessionOptions { SpeedScoring = false }, Make.TrueFalse());
        var (zoe, marc, kicked) = (game.Join("Zoé"), game.Join("Marc"), game.Join("Parti"));
        game.Session.Kick(kicked.Id);
        game.Start();
        game.Accepted(zoe, Answers.Flag(true));
        game.RevealNow();

        var results = SessionViews.Results(game.Session, SessionViews.Ranks(game.Session));

        Assert.Equal([zoe.Id, marc.Id], results.Keys.Order());
        Assert.Equal(new LearnerResult(0, true, true, true, 1, 1000, 1, 1000, 1, 2), results[zoe.Id]);
        Assert.Equal(new LearnerResult(0, false, true, false, 0, 0, 0, 0, 2, 2), results[marc.Id]);
    }

    [Fact]
    public void Poll_results_are_marked_ungraded()
    {
        var game = new TestGame(Make.Poll());
        var zoe = game.Join("Zoé");
        game.Start();
        game.Accepted(zoe, Answers.Choice(0));
        game.RevealNow();

        var result = SessionViews.Results(game.Session, SessionViews.Ranks(game.Session))[zoe.Id];

        Assert.True(result.Answered);
        Assert.False(result.Graded);
        Assert.Equal(0, result.Points);
    }

    [Fact]
    public void There_are_no_results_while_the_question_is_open()
    {
        var game = OpenAt(0, Make.TrueFalse());
        Assert.Empty(SessionViews.Results(game.Session, SessionViews.Ranks(game.Session)));
    }

    [Fact]
    public void Ranks_and_standing_follow_the_ranking()
    {
        var game = new TestGame(new SessionOptions { SpeedScoring = false }, Make.TrueFalse(), Make.TrueFalse());
        var (marc, zoe) = (game.Join("Marc"), game.Join("Zoé"));
        game.Start();
        game.Accepted(zoe, Answers.Flag(true));
        game.RevealNow();

        var ranks = SessionViews.Ranks(game.Session);

        Assert.Equal(new Dictionary<int, int> { [zoe.Id] = 1, [marc.Id] = 2 }, ranks);
        Assert.Equal(new Standing(zoe.Id, 1, 1000, 1, 1, 2), SessionViews.Standing(game.Session, zoe, ranks));
        Assert.Equal(new Standing(marc.Id, 2, 0, 0, 0, 2), SessionViews.Standing(game.Session, marc, ranks));
    }

    [Fact]
    public void Own_answer_is_the_answer_given_to_the_current_question()
    {
        var game = new TestGame(Make.TrueFalse(), Make.TrueFalse());
        var (zoe, marc) = (game.Join("Zoé"), game.Join("Marc"));
        Assert.Null(SessionViews.OwnAnswer(game.Session, zoe.Id));
        game.Start();
        Assert.Null(SessionViews.OwnAnswer(game.Session, zoe.Id));

        var given = game.Accepted(zoe, Answers.Flag(false));

        Assert.Same(given, SessionViews.OwnAnswer(game.Session, zoe.Id));
        Assert.Null(SessionViews.OwnAnswer(game.Session, marc.Id));
        game.RevealNow();
        Assert.Same(given, SessionViews.OwnAnswer(game.Session, zoe.Id));
        game.NextQuestion();
        Assert.Null(SessionViews.OwnAnswer(game.Session, zoe.Id));
    }

    [Fact]
    public void A_learner_kicked_during_the_round_no_longer_counts_in_the_reveal()
    {
        var game = new TestGame(Make.Single());
        var (zoe, leo) = (game.Join("Zoé"), game.Join("Léo"));
        game.Start();
        game.Answer(zoe, new Answer { Choices = [0] });
        game.Answer(leo, new Answer { Choices = [1] });

        Assert.Null(game.Session.Kick(leo.Id));
        game.RevealNow();

        var reveal = SessionViews.Reveal(game.Session)!;
        Assert.Equal(1, reveal.AnsweredCount);
        Assert.Equal(1, reveal.LearnerCount);
        Assert.Equal(1, reveal.Distribution.Values.Sum());
    }
}
