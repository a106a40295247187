using LearnGame.Content.Gift;
using LearnGame.Domain.Questions;
using LearnGame.Domain.Quizzes;

namespace LearnGame.Content.Tests;

/// <summary>How GIFT files become quizzes: every feature, every skip and every error.</summary>
public sealed class GiftImportTests
{
    private static ImportResult Import(string gift, string? title = "Titre") => GiftImporter.Import(gift, new ImportOptions(title, QuizLanguage.Fr));

    private static Quiz AllFeatures()
    {
        var result = Import(Fixture.Read("gift/all-features.gift"), title: null);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.Quiz!;
    }

    private static T Question<T>(int index) where T : Question => Assert.IsType<T>(AllFeatures().Questions[index]);

    [Fact]
    public void Gift_category_names_the_quiz() => Assert.Equal("Sécurité sur chantier", AllFeatures().Title);

    [Fact]
    public void Gift_every_question_of_the_feature_file_is_imported() => Assert.Equal(13, AllFeatures().Questions.Count);

    [Fact]
    public void Gift_one_right_answer_is_a_single_choice_and_its_feedback_the_explanation()
    {
        var q = Question<SingleChoiceQuestion>(0);
        Assert.Equal("Quelle couleur de casque porte le chef de chantier ?", q.Text);
        Assert.Equal(["Blanc", "Jaune", "Bleu"], q.Choices);
        Assert.Equal(0, q.Correct);
        Assert.Equal("Oui : le blanc distingue l'encadrement.", q.Explanation);
    }

    [Fact]
    public void Gift_weighted_answers_are_a_multiple_choice_whose_positive_weights_are_right()
    {
        var q = Question<MultipleChoiceQuestion>(1);
        Assert.Equal(["Casque", "Chaussures de sécurité", "Cravate"], q.Choices);
        Assert.Equal([0, 1], q.Correct);
        Assert.Equal("Casque et chaussures, toujours.", q.Explanation);
    }

    [Fact]
    public void Gift_true_false_reads_every_spelling_and_the_right_answer_feedback()
    {
        Assert.False(Question<TrueFalseQuestion>(2).Correct);
        var q = Question<TrueFalseQuestion>(3);
        Assert.True(q.Correct);
        Assert.Equal("Exact.", q.Explanation);
    }

    [Fact]
    public void Gift_short_answer_is_a_typed_question_with_every_accepted_answer() =>
        Assert.Equal(["éléphant", "elephant"], Question<TypedAnswerQuestion>(4).Accepted);

    [Fact]
    public void Gift_numerical_tolerance_gets_a_slider_around_the_value()
    {
        var q = Question<NumericQuestion>(5);
        Assert.Equal((85, 2), (q.Correct, q.Tolerance));
        Assert.Equal((0, 190, 1), (q.Min, q.Max, q.Step));
    }

    [Fact]
    public void Gift_numerical_range_is_its_middle_with_half_its_width_as_tolerance()
    {
        var q = Question<NumericQuestion>(6);
        Assert.Equal((3, 2), (q.Correct, q.Tolerance));
        Assert.True(q.Min <= 1 && q.Max >= 5);
    }

    [Fact]
    public void Gift_several_numerical_answers_keep_the_best_weighted_one()
    {
        var q = Question<NumericQuestion>(7);
        Assert.Equal((1822, 0), (q.Correct, q.Tolerance));
        var warnings = Import(Fixture.Read("gift/all-features.gift")).Warnings;
        Assert.Contains(warnings, w => w.Code == "gift-numeric-alternatives-dropped" && w.Line == 29);
    }

    [Fact]
    public void Gift_matching_onto_positions_is_an_ordering_question() =>
        Assert.Equal(["Baliser la zone", "Couper le courant", "Vérifier l'absence de tension"], Question<OrderingQuestion>(8).Items);

    [Fact]
    public void Gift_html_is_reduced_to_text_and_scripts_are_dropped()
    {
        var q = Question<SingleChoiceQuestion>(9);
        Assert.Equal("Quelle est la bonne réponse ?", q.Text);
        Assert.Equal(["Celle-ci", "Une autre"], q.Choices);
    }

    [Fact]
    public void Gift_escaped_special_characters_are_literal()
    {
        var q = Question<SingleChoiceQuestion>(10);
        Assert.Equal("Échappements : 2 = 1\\+1, {accolades} ~tilde #dièse ?", q.Text);
        Assert.Equal(["a=b", "c:d"], q.Choices);
    }

    [Fact]
    public void Gift_a_question_may_span_several_lines() =>
        Assert.Equal("Une question\nsur plusieurs lignes ?", Question<SingleChoiceQuestion>(11).Text);

    [Fact]
    public void Gift_missing_word_keeps_a_blank_where_the_answers_were() =>
        Assert.Equal("Pasteur est né en _____.", Question<SingleChoiceQuestion>(12).Text);

    [Fact]
    public void Gift_numeric_import_warns_that_the_slider_was_chosen()
    {
        var warnings = Import(Fixture.Read("gift/all-features.gift")).Warnings;
        Assert.Contains(warnings, w => w.Code == "numeric-slider-chosen" && w.Line == 25 && w.Message.Contains("0 to 190"));
    }

    [Fact]
    public void Gift_description_essay_general_matching_and_several_full_answers_are_skipped_with_warnings()
    {
        var result = Import(Fixture.Read("gift/skipped.gift"));
        Assert.True(result.Succeeded);
        Assert.Single(result.Quiz!.Questions);
        Assert.Equal(
            [(1, "gift-description-skipped"), (3, "gift-essay-skipped"), (5, "gift-matching-skipped"), (7, "gift-several-right-answers")],
            result.Warnings.Select(w => (w.Line ?? 0, w.Code)));
    }

    [Fact]
    public void Gift_essay_is_skipped_with_a_warning()
    {
        var result = Import("Décrivez. {}\n\nOui ? {T}");
        Assert.Equal("gift-essay-skipped", Assert.Single(result.Warnings).Code);
        Assert.IsType<TrueFalseQuestion>(Assert.Single(result.Quiz!.Questions));
    }

    [Fact]
    public void Gift_malformed_questions_fail_the_import_listing_every_error_with_its_line()
    {
        var result = Import(Fixture.Read("gift/malformed.gift"));
        Assert.False(result.Succeeded);
        Assert.Equal(
            [(1, "gift-brace-unclosed"), (3, "gift-weight-invalid"), (5, "gift-no-right-answer"), (7, "gift-number-invalid"), (9, "gift-answer-invalid")],
            result.Errors.Select(e => (e.Line ?? 0, e.Code)));
    }

    [Fact]
    public void Gift_quiz_that_breaks_the_quiz_rules_fails_with_the_validator_errors_and_their_lines()
    {
        var result = Import(Fixture.Read("gift/invalid-quiz.gift"));
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal(("choice-duplicate", 3, "questions[1].choices"), (error.Code, error.Line, error.Path));
    }

    [Fact]
    public void Gift_title_comes_from_the_options_when_the_file_has_no_category() =>
        Assert.Equal("Mon quiz", Import("Oui ? {T}", title: "Mon quiz").Quiz!.Title);

    [Fact]
    public void Gift_without_any_title_gets_a_default_one_and_a_warning()
    {
        var result = Import("Oui ? {T}", title: null);
        Assert.Equal("Quiz importé", result.Quiz!.Title);
        Assert.Equal("title-defaulted", Assert.Single(result.Warnings).Code);
    }

    [Fact]
    public void Gift_learngame_comment_sets_what_gift_cannot_say()
    {
        var result = Import("// learngame: {\"timeLimitSeconds\": 60, \"type\": \"poll\"}\nAvis ? {~Oui ~Non}");
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var poll = Assert.IsType<PollQuestion>(Assert.Single(result.Quiz!.Questions));
        Assert.Equal(60, poll.TimeLimitSeconds);
        Assert.Equal("poll-scored", Import("// learngame: {\"points\": \"double\", \"type\": \"poll\"}\nAvis ? {~Oui ~Non}").Errors[0].Code);
    }

    [Fact]
    public void Gift_broken_learngame_comment_is_an_error_on_its_line()
    {
        var error = Assert.Single(Import("Oui ? {T}\n\n// learngame: {nope\nNon ? {F}").Errors);
        Assert.Equal(("gift-metadata-invalid", 3), (error.Code, error.Line));
    }

    [Fact]
    public void Gift_per_answer_feedback_that_cannot_be_kept_is_reported()
    {
        var result = Import("Q ? {=a #bien ~b #non, c'est a}");
        Assert.Equal("bien", result.Quiz!.Questions[0].Explanation);
        Assert.Equal("gift-feedback-dropped", Assert.Single(result.Warnings).Code);
    }

    [Fact]
    public void Gift_windows_line_endings_and_a_byte_order_mark_are_read() =>
        Assert.True(Import("\uFEFFQ ?\r\n{=a ~b}\r\n\r\nR ? {T}\r\n").Quiz!.Questions.Count == 2);

    [Theory]
    [InlineData("Accolade } perdue {=a ~b}")]
    [InlineData("Accolade perdue }")]
    public void Gift_unescaped_closing_brace_outside_the_answers_is_an_error(string gift) =>
        Assert.Equal("gift-brace-unbalanced", Assert.Single(Import(gift).Errors).Code);

    [Fact]
    public void Gift_empty_file_fails_because_a_quiz_needs_a_question() =>
        Assert.Equal("questions-missing", Assert.Single(Import("// rien\n").Errors).Code);

    [Theory]
    [InlineData("[markdown]Un **mot** <b>brut</b> ? {T}", "Un **mot** <b>brut</b> ?")]
    [InlineData("[plain]Texte <i>tel quel</i> {T}", "Texte <i>tel quel</i>")]
    [InlineData("::Titre::[moodle]Ligne 1\\nLigne 2 {T}", "Ligne 1\nLigne 2")]
    public void Gift_markdown_plain_and_moodle_markers_keep_the_text_as_written(string gift, string text) =>
        Assert.Equal(text, Import(gift).Quiz!.Questions[0].Text);
}
