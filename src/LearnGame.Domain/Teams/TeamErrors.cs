using LearnGame.Domain.Sessions;

namespace LearnGame.Domain.Teams;

/// <summary>Refusals of team actions; stable codes listed in docs/protocol.md.</summary>
public static class TeamErrors
{
    public static readonly GameError NotTeamGame = new("not-team-game", "This session is not played in teams.");
    public static readonly GameError NoChoice = new("team-choice-closed", "Teams are not chosen by learners in this session.");
    public static readonly GameError NotFormed = new("teams-not-formed", "Teams are formed when the game starts.");
    public static readonly GameError TeamNotFound = new("team-not-found", "There is no such team in this session.");
}
