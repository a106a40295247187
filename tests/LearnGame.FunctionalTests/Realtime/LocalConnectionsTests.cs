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

    /// <summary>
    /// The last connection of a session on this silo leaves as a learner joins it: the session's entry is forgotten
    /// only if it is still empty, or the joiner's seat went with it and its reveal and rankings found no connection.
    /// A race, so it is run many times over, each from a barrier; the last one leaving can be a trainer or a learner.
    /// </summary>
    [Theory]
    [InlineData("learner")]
    [InlineData("trainer")]
    public void A_learner_who_joins_as_the_last_connection_of_the_session_leaves_is_kept(string leaving)
    {
        const int runs = 20_000;
        var (session, connections) = (Guid.Empty, new LocalConnections());
        // Each run: this thread sets the session up, the two threads start together at the barrier, then all three meet
        // again and this thread looks.
        using var barrier = new Barrier(3);
        var leave = new Thread(() =>
        {
            for (var i = 0; i < runs; i++)
            {
                barrier.SignalAndWait();
                if (leaving == "trainer") connections.RemoveHost(session, "trainer");
                else connections.RemoveSeat(session, 1, "leaving");
                barrier.SignalAndWait();
            }
        });
        var join = new Thread(() =>
        {
            for (var i = 0; i < runs; i++)
            {
                barrier.SignalAndWait();
                connections.AddSeat(session, 2, "joining");
                barrier.SignalAndWait();
            }
        });
        leave.Start();
        join.Start();
        var lost = 0;
        for (var i = 0; i < runs; i++)
        {
            (session, connections) = (Guid.NewGuid(), new LocalConnections());
            if (leaving == "trainer") connections.AddHost(session, "trainer");
            else connections.AddSeat(session, 1, "leaving");
            barrier.SignalAndWait();
            barrier.SignalAndWait();
            if (!connections.HasSession(session) || !connections.SeatConnections(session, 2).SequenceEqual(["joining"])) lost++;
        }
        leave.Join();
        join.Join();

        Assert.Equal(0, lost);
    }
}
