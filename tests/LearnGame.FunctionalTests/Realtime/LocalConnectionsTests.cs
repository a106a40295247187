using LearnGame.Server.Realtime;

namespace LearnGame.FunctionalTests.Realtime;

/// <summary>This silo's connections by session and seat: the reveal and the rankings reach learners through this list.</summary>
public sealed class LocalConnectionsTests
{
    [Fact]
    public void A_phone_that_reconnects_keeps_its_new_connection_when_the_old_one_goes()
    {
        var session = Guid.NewGuid();
        var connections = new LocalConnections();
        connections.AddSeat(session, 1, "old");
        connections.AddSeat(session, 1, "new");

        connections.RemoveSeat(session, 1, "old");

        Assert.Equal(["new"], connections.SeatConnections(session, 1));
        Assert.Equal([(1, "new")], connections.Seats(session).SelectMany(s => s.Connections.Select(c => (s.SeatId, c))));
    }

    [Fact]
    public void A_seat_whose_last_connection_goes_is_forgotten_and_so_is_a_session_with_none_left()
    {
        var session = Guid.NewGuid();
        var connections = new LocalConnections();
        connections.AddSeat(session, 1, "alice");
        connections.AddSeat(session, 2, "bob");

        connections.RemoveSeat(session, 1, "alice");
        Assert.Equal([2], connections.Seats(session).Select(s => s.SeatId));

        connections.RemoveSeat(session, 2, "bob");
        Assert.Empty(connections.Seats(session));
        Assert.False(connections.HasSession(session));
    }

    [Fact]
    public void Removing_a_connection_the_seat_does_not_have_changes_nothing()
    {
        var session = Guid.NewGuid();
        var connections = new LocalConnections();
        connections.AddSeat(session, 1, "alice");

        connections.RemoveSeat(session, 1, "someone-else");
        connections.RemoveSeat(session, 2, "alice");

        Assert.Equal(["alice"], connections.SeatConnections(session, 1));
    }
}
