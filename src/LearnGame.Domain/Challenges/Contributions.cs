using LearnGame.Domain.Sessions;

namespace LearnGame.Domain.Challenges;

/// <summary>What a session gives to its challenge: one contribution per question it has closed (skipped ones give nothing).</summary>
public static class Contributions
{
    public static IEnumerable<Contribution> Of(GameSession game) =>
        game.Rounds.Where(r => r.Closed && !r.Skipped && game.Quiz.Questions[r.QuestionIndex].IsGraded).Select(r =>
        {
            var answers = r.Answers.Where(a => game.SeatById(a.Key) is not null).Select(a => a.Value).ToList();
            return new Contribution(game.Id, r.QuestionIndex, answers.Count, answers.Count(a => a.Correct))
            {
                Teams = r.TeamResults?.Count ?? 0,
                TeamsScored = r.TeamResults?.Where(t => t.Points > 0).Select(t => t.TeamId).ToList(),
            };
        });
}
