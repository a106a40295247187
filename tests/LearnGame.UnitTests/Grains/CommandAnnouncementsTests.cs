using LearnGame.Domain.Sessions;
using LearnGame.Domain.Sessions.Views;
using LearnGame.Domain.Teams;
using LearnGame.Grains.Abstractions.Sessions;
using LearnGame.Grains.Sessions;
using LearnGame.UnitTests.Support;

namespace LearnGame.UnitTests.Grains;

public class CommandAnnouncementsTests
{
    [Fact]
    public void A_kick_tells_the_kicked_seat_alone_and_changes_the_lobby()
    {
        var game = new TestGame(Make.Single());
        var (zoe, _) = (game.Join("Zoé"), game.Join("Marc"));
        Assert.Null(SessionCommands.Apply(game.Session, new KickCommand(zoe.Id), game.Now));

        var (events, changed) = CommandAnnouncements.Of(new KickCommand(zoe.Id), game.Session, game.Now);

        var kicked = Assert.Single(events);
        Assert.Equal((SessionEvents.Kicked, null), (kicked.Name, kicked.Payload));
        Assert.Equal([zoe.Id], kicked.Personal!.Keys);
        Assert.Equal(PulseCounts.Lobby, changed);
    }

    [Fact]
    public void A_lock_changes_only_the_lobby()
    {
        var game = new TestGame(Make.Single());
        game.Join("Zoé");

        var (events, changed) = CommandAnnouncements.Of(new LockCommand(), game.Session, game.Now);

        Assert.Empty(events);
        Assert.Equal(PulseCounts.Lobby, changed);
    }

    [Fact]
    public void A_pause_says_how_much_time_is_left()
    {
        var game = new TestGame(Make.Single());
        game.Join("Zoé");
        game.Start();
        game.Advance(4);
        Assert.Null(SessionCommands.Apply(game.Session, new PauseCommand(), game.Now));

        var (events, changed) = CommandAnnouncements.Of(new PauseCommand(), game.Session, game.Now);

        var paused = Assert.IsType<PausedPayload>(Assert.Single(events).Payload);
        Assert.Equal((long)game.Session.CurrentRound!.Remaining(game.Now).TotalMilliseconds, paused.RemainingMs);
        Assert.Equal(PulseCounts.None, changed);
    }

    [Fact]
    public void The_start_of_a_team_game_tells_each_learner_its_team_before_the_first_question()
    {
        var game = new TestGame(new SessionOptions { Teams = new TeamOptions { Formation = TeamFormation.Auto, Size = 2 } }, Make.Single());
        game.Join("Zoé", "Marc", "Léa");
        game.Start();

        var (events, changed) = CommandAnnouncements.Of(new StartCommand(), game.Session, game.Now);

        Assert.Equal([SessionEvents.Standing, SessionEvents.Question], events.Select(e => e.Name).Take(2));
        Assert.Equal(3, events[0].Personal!.Count);
        Assert.Equal(PulseCounts.Lobby, changed);
    }

    [Fact]
    public void The_start_of_a_game_without_teams_announces_the_first_question_only()
    {
        var game = new TestGame(Make.Single());
        game.Join("Zoé");
        game.Start();

        var (events, changed) = CommandAnnouncements.Of(new StartCommand(), game.Session, game.Now);

        Assert.Equal(SessionEvents.Question, events[0].Name);
        Assert.DoesNotContain(events, e => e.Name == SessionEvents.Standing);
        Assert.Equal(PulseCounts.None, changed);
    }
}
