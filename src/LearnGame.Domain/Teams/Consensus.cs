using System.Globalization;
using LearnGame.Domain.Questions;

namespace LearnGame.Domain.Teams;

/// <summary>One member's vote in a consensus round.</summary>
public sealed record Vote(int SeatId, Answer Answer, DateTimeOffset At);

/// <summary>
/// The team answer of a consensus round (docs/scoring.md): the answer with the most votes; equal answers are those
/// with the same choices (in any order), the same flag, the same text ignoring case and surrounding spaces, the same
/// number or the same order. A tie is broken by the session's rule: the tied answer whose latest vote came first, or
/// the captain's answer when the captain voted for one of the tied answers (otherwise the first-vote rule).
/// </summary>
public static class Consensus
{
    public static Answer? Decide(IReadOnlyCollection<Vote> votes, TieBreak tieBreak, int? captainSeatId)
    {
        if (votes.Count == 0) return null;
        var groups = votes.GroupBy(v => Key(v.Answer)).ToList();
        var most = groups.Max(g => g.Count());
        var tied = groups.Where(g => g.Count() == most).ToList();
        if (tied.Count == 1) return tied[0].First().Answer;
        if (tieBreak == TieBreak.Captain && tied.FirstOrDefault(g => g.Any(v => v.SeatId == captainSeatId)) is { } captains)
            return captains.First(v => v.SeatId == captainSeatId).Answer;
        // The group that reached its final size first; seat ids settle votes received at the same instant.
        return tied.OrderBy(g => g.Max(v => v.At)).ThenBy(g => g.Min(v => v.SeatId)).First().First().Answer;
    }

    /// <summary>The captain of a team for its n-th consensus round (0-based): members take turns in seat order.</summary>
    public static int? Captain(IReadOnlyList<int> memberSeatIds, int consensusRound) =>
        memberSeatIds.Count == 0 ? null : memberSeatIds.Order().ElementAt(consensusRound % memberSeatIds.Count);

    /// <summary>Two answers fall in the same group when they have the same key.</summary>
    public static string Key(Answer answer) => answer switch
    {
        { Choices: { } choices } => "c:" + string.Join(',', choices.Order()),
        { Flag: { } flag } => flag ? "f:1" : "f:0",
        { Text: { } text } => "t:" + text.Trim().ToLowerInvariant(),
        { Number: { } number } => "n:" + number.ToString("R", CultureInfo.InvariantCulture),
        { Order: { } order } => "o:" + string.Join(',', order),
        _ => "",
    };
}
