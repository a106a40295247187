using LearnGame.Domain.Questions;
using LearnGame.UnitTests.Support;

namespace LearnGame.UnitTests.Questions;

public class TypedAnswerQuestionTests
{
    [Theory]
    [InlineData("éléphant")]
    [InlineData("Éléphant")]
    [InlineData("  ÉLÉPHANT ")]
    [InlineData("elephant")]
    [InlineData("ELEPHANT")]
    [InlineData("\téléphant\n")]
    public void Case_surrounding_spaces_and_accents_are_ignored_by_default(string typed) =>
        Assert.Equal(1, Make.Typed("éléphant").Grade(Answers.Text(typed)));

    [Fact]
    public void Accents_are_ignored_in_the_accepted_answers_too() =>
        Assert.Equal(1, Make.Typed("elephant").Grade(Answers.Text("  ÉLÉPHANT ")));

    [Theory]
    [InlineData("pomme de terre")]
    [InlineData("pomme   de  terre")]
    [InlineData(" Pomme \t de\u00A0terre ")]
    public void Runs_of_inner_spaces_count_as_one_space(string typed) =>
        Assert.Equal(1, Make.Typed("Pomme de terre").Grade(Answers.Text(typed)));

    [Fact]
    public void Missing_inner_space_is_a_different_answer() =>
        Assert.Equal(0, Make.Typed("pomme de terre").Grade(Answers.Text("pommede terre")));

    [Theory]
    [InlineData("cœur", "coeur")]
    [InlineData("coeur", "CŒUR")]
    [InlineData("Lætitia", "laetitia")]
    [InlineData("Noël", "NOEL")]
    [InlineData("ça", "ca")]
    public void Ligatures_and_accents_match_their_plain_spelling(string accepted, string typed) =>
        Assert.Equal(1, Make.Typed(accepted).Grade(Answers.Text(typed)));

    [Fact]
    public void With_accents_significant_case_and_spaces_are_still_ignored()
    {
        var question = Make.Typed("éléphant") with { IgnoreAccents = false };
        Assert.Equal(1, question.Grade(Answers.Text("  ÉLÉPHANT ")));
        Assert.Equal(0, question.Grade(Answers.Text("elephant")));
    }

    [Fact]
    public void With_accents_significant_a_ligature_is_not_its_spelled_out_form()
    {
        var question = Make.Typed("cœur") with { IgnoreAccents = false };
        Assert.Equal(0, question.Grade(Answers.Text("coeur")));
        Assert.Equal(1, question.Grade(Answers.Text("CŒUR")));
    }

    [Fact]
    public void Any_accepted_answer_earns_full_credit()
    {
        var question = Make.Typed("Paris", "Lutèce");
        Assert.Equal(1, question.Grade(Answers.Text("lutece")));
        Assert.Equal(1, question.Grade(Answers.Text("paris")));
        Assert.Equal(0, question.Grade(Answers.Text("Lyon")));
    }

    [Fact]
    public void A_near_miss_earns_nothing() => Assert.Equal(0, Make.Typed("éléphant").Grade(Answers.Text("elefant")));

    [Theory]
    [InlineData("choices")]
    [InlineData("flag")]
    [InlineData("number")]
    [InlineData("order")]
    [InlineData("none")]
    [InlineData("two")]
    public void Anything_but_text_is_refused_as_wrong_type(string kind) =>
        Assert.Equal("answer-wrong-type", Make.Typed().CheckShape(Answers.OfKind(kind))?.Code);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void An_empty_text_is_out_of_range(string typed) =>
        Assert.Equal("answer-out-of-range", Make.Typed().CheckShape(Answers.Text(typed))?.Code);

    [Fact]
    public void A_text_is_at_most_200_characters()
    {
        Assert.Null(Make.Typed().CheckShape(Answers.Text(new string('a', 200))));
        Assert.Equal("answer-out-of-range", Make.Typed().CheckShape(Answers.Text(new string('a', 201)))?.Code);
    }

    [Fact]
    public void The_expected_answer_is_the_first_accepted_answer() =>
        Assert.Equal("Paris", Make.Typed("Paris", "Lutèce").ExpectedAnswer().Text);

    [Fact]
    public void Answers_are_bucketed_by_their_normalised_form()
    {
        var question = Make.Typed("éléphant");
        Assert.Equal(["elephant"], question.DistributionKeys(Answers.Text("  ÉLÉPHANT ")));
        Assert.Equal(["pomme de terre"], question.DistributionKeys(Answers.Text(" Pomme   DE terre")));
    }

    [Fact]
    public void The_reveal_shows_every_accepted_answer()
    {
        var question = Make.Typed("éléphant", "mammouth");

        Assert.Equal(["éléphant", "mammouth"], question.AcceptedAnswers()!);
        Assert.Null(question.FullCreditTolerance());
    }
}
