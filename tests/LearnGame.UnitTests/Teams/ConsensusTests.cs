using LearnGame.Domain.Questions;
using LearnGame.Domain.Teams;
using LearnGame.UnitTests.Support;

namespace LearnGame.UnitTests.Teams;

/// <summary>The team answer of a consensus round: the most voted answer; ties broken by the session's rule.</summary>
public class ConsensusTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static Vote V(int seat, Answer answer, double seconds) => new(seat, answer, T0.AddSeconds(seconds));

    [Fact]
    public void The_most_voted_answer_wins()
    {
        var votes = new[] { V(1, Answers.Choice(0), 1), V(2, Answers.Choice(2), 2), V(3, Answers.Choice(2), 3) };
        Assert.Equal([2], Consensus.Decide(votes, TieBreak.FirstVote, null)!.Choices!);
    }

    [Fact]
    public void Nobody_voting_gives_no_team_answer() =>
        Assert.Null(Consensus.Decide([], TieBreak.Captain, 1));

    [Fact]
    public void Equal_answers_are_grouped_whatever_the_order_of_choices_or_the_case_of_text()
    {
        Assert.Equal(Consensus.Key(Answers.Choices(2, 0)), Consensus.Key(Answers.Choices(0, 2)));
        Assert.Equal(Consensus.Key(Answers.Text(" Éléphant ")), Consensus.Key(Answers.Text("éléphant")));
        Assert.NotEqual(Consensus.Key(Answers.Order(0, 1)), Consensus.Key(Answers.Order(1, 0)));
        Assert.NotEqual(Consensus.Key(Answers.Flag(true)), Consensus.Key(Answers.Flag(false)));
        var votes = new[] { V(1, Answers.Choices(0, 2), 1), V(2, Answers.Choices(2, 0), 2), V(3, Answers.Choices(1), 0) };
        Assert.Equal([0, 2], Consensus.Decide(votes, TieBreak.FirstVote, null)!.Choices!);
    }

    [Fact]
    public void A_tie_goes_to_the_answer_whose_votes_were_all_in_first()
    {
        // Answer 0 reached its two votes at second 5; answer 1 at second 4.
        var votes = new[] { V(1, Answers.Choice(0), 1), V(2, Answers.Choice(1), 2), V(3, Answers.Choice(1), 4), V(4, Answers.Choice(0), 5) };
        Assert.Equal([1], Consensus.Decide(votes, TieBreak.FirstVote, null)!.Choices!);
    }

    [Fact]
    public void With_the_captain_rule_the_captain_settles_a_tie()
    {
        var votes = new[] { V(1, Answers.Choice(0), 1), V(2, Answers.Choice(1), 2), V(3, Answers.Choice(1), 4), V(4, Answers.Choice(0), 5) };
        Assert.Equal([0], Consensus.Decide(votes, TieBreak.Captain, captainSeatId: 4)!.Choices!);
        Assert.Equal([1], Consensus.Decide(votes, TieBreak.Captain, captainSeatId: 3)!.Choices!);
    }

    [Fact]
    public void A_captain_outside_the_tie_falls_back_to_the_first_votes()
    {
        // 0 and 1 tie with two votes each (1 complete at second 3, 0 at second 4); the captain, seat 5, voted 2.
        var votes = new[]
        {
            V(1, Answers.Choice(0), 1), V(2, Answers.Choice(0), 4), V(3, Answers.Choice(1), 2), V(4, Answers.Choice(1), 3), V(5, Answers.Choice(2), 0),
        };
        Assert.Equal([1], Consensus.Decide(votes, TieBreak.Captain, captainSeatId: 5)!.Choices!);
        Assert.Equal([1], Consensus.Decide(votes, TieBreak.Captain, captainSeatId: 9)!.Choices!);
        Assert.Equal([0], Consensus.Decide(votes, TieBreak.Captain, captainSeatId: 2)!.Choices!);
    }

    [Fact]
    public void The_captain_changes_each_consensus_round_in_seat_order()
    {
        int[] members = [7, 3, 5];
        Assert.Equal([3, 5, 7, 3], Enumerable.Range(0, 4).Select(r => Consensus.Captain(members, r)!.Value));
        Assert.Null(Consensus.Captain([], 0));
    }
}
