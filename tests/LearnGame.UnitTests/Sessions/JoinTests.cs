using LearnGame.Domain.Sessions;
using LearnGame.UnitTests.Support;

namespace LearnGame.UnitTests.Sessions;

public class JoinTests
{
    private readonly TestGame _game = new(Make.Single(), Make.TrueFalse());

    private GameError? TryJoin(string? nickname, string token = "any-token") => _game.Session.Join(nickname, token).Error;

    [Fact]
    public void Joining_gives_a_seat_numbered_in_join_order_with_the_trimmed_nickname()
    {
        var (first, firstError) = _game.Session.Join("  Zoé  ", "token-1");
        var (second, _) = _game.Session.Join("Marc", "token-2");

        Assert.Null(firstError);
        Assert.Equal((1, "Zoé", 0), (first!.Id, first.Nickname, first.Score));
        Assert.Equal(2, second!.Id);
        Assert.Equal([first, second], _game.Session.Seats);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("    ")]
    [InlineData("\t\n")]
    public void An_empty_nickname_is_refused(string? nickname) => Assert.Equal(Nickname.Invalid, TryJoin(nickname));

    [Fact]
    public void A_nickname_has_at_most_20_text_elements()
    {
        Assert.Null(TryJoin(new string('a', 20)));
        Assert.Equal("nickname-invalid", TryJoin(new string('b', 21))?.Code);
    }

    [Fact]
    public void Characters_built_from_several_code_points_count_once()
    {
        // 20 × "e" + combining acute accent (40 chars), and 20 emoji (40 UTF-16 chars): 20 text elements each.
        Assert.Null(TryJoin(string.Concat(Enumerable.Repeat("e\u0301", 20))));
        Assert.Null(TryJoin(string.Concat(Enumerable.Repeat("😀", 20))));
        Assert.Equal("nickname-invalid", TryJoin(string.Concat(Enumerable.Repeat("🙂", 21)))?.Code);
    }

    [Theory]
    [InlineData("Zo\u0007é")]
    [InlineData("Zo\té")]
    [InlineData("Zo\né")]
    [InlineData("Zo\u200Bé")]
    [InlineData("\u200BZoé")]
    [InlineData("Zo\uFEFFé")]
    [InlineData("\uFEFFZoé")]
    [InlineData("Zo\u200Dé")]
    [InlineData("Zo\u202Eé")]
    [InlineData("Zo\u2028é")]
    [InlineData("Zo\uE000é")]
    public void Control_invisible_and_private_characters_are_refused(string nickname) =>
        Assert.Equal("nickname-invalid", TryJoin(nickname)?.Code);

    [Theory]
    [InlineData("ZOÉ")]
    [InlineData("zoé")]
    [InlineData("  Zoé ")]
    [InlineData("Zoe\u0301")]
    public void Nicknames_are_unique_ignoring_case_and_unicode_form(string second)
    {
        Assert.Null(TryJoin("Zoé", "token-1"));
        Assert.Equal(GameError.NicknameTaken, TryJoin(second, "token-2"));
        Assert.Single(_game.Session.Seats);
    }

    [Fact]
    public void A_nickname_differing_only_by_an_accent_is_another_nickname()
    {
        Assert.Null(TryJoin("Zoé", "token-1"));
        Assert.Null(TryJoin("Zoe", "token-2"));
    }

    [Fact]
    public void A_decomposed_nickname_is_stored_composed() =>
        Assert.Equal("Zoé", _game.Session.Join("Zoe\u0301", "t").Seat!.Nickname);

    [Fact]
    public void A_locked_lobby_refuses_newcomers_until_unlocked()
    {
        Assert.Null(_game.Session.SetLocked(true));
        Assert.True(_game.Session.Locked);

        Assert.Equal(GameError.LobbyLocked, TryJoin("Zoé"));
        Assert.Empty(_game.Session.Seats);

        Assert.Null(_game.Session.SetLocked(false));
        Assert.Null(TryJoin("Zoé"));
    }

    [Fact]
    public void A_learner_can_join_a_game_already_running_and_then_answer()
    {
        _game.Join("Zoé");
        _game.Start();

        var late = _game.Join("Retardataire");

        Assert.Null(_game.Answer(late, Answers.Choice(1)).Error);
    }

    [Theory]
    [InlineData(SessionPhase.Podium)]
    [InlineData(SessionPhase.Ended)]
    public void Nobody_joins_once_the_game_is_over(SessionPhase phase)
    {
        var game = PhaseFixtures.GameIn(phase);
        Assert.Equal(GameError.WrongPhase, game.Session.Join("Tardif", "token-late").Error);
    }

    [Fact]
    public void The_session_refuses_newcomers_once_it_holds_the_maximum_number_of_seats()
    {
        for (var i = 1; i <= GameSession.MaxSeats; i++)
            _game.Session.Seats.Add(new Seat { Id = i, Nickname = $"n{i}", TokenHash = SecretToken.Hash($"t{i}"), Kicked = true });

        Assert.Equal(GameError.SessionFull, TryJoin("Zoé"));
    }

    [Fact]
    public void A_token_finds_its_seat_and_nothing_else()
    {
        var zoe = _game.Join("Zoé");
        var marc = _game.Join("Marc");

        Assert.Same(zoe, _game.Session.FindSeat(TestGame.TokenOf("Zoé")));
        Assert.Same(marc, _game.Session.FindSeat(TestGame.TokenOf("Marc")));
        Assert.Null(_game.Session.FindSeat("not-a-token"));
        Assert.Null(_game.Session.FindSeat(""));
        Assert.Null(_game.Session.FindSeat(null));
        Assert.Null(_game.Session.FindSeat(TestGame.HostToken));
    }

    [Fact]
    public void Only_the_host_token_makes_the_host()
    {
        _game.Join("Zoé");
        Assert.True(_game.Session.IsHost(TestGame.HostToken));
        Assert.False(_game.Session.IsHost(TestGame.TokenOf("Zoé")));
        Assert.False(_game.Session.IsHost(TestGame.HostToken.ToUpperInvariant()));
        Assert.False(_game.Session.IsHost(""));
        Assert.False(_game.Session.IsHost(null));
    }

    [Fact]
    public void Only_hashes_of_the_tokens_are_stored()
    {
        var zoe = _game.Join("Zoé");

        Assert.NotEqual(TestGame.HostToken, _game.Session.HostTokenHash);
        Assert.Equal(SecretToken.Hash(TestGame.HostToken), _game.Session.HostTokenHash);
        Assert.NotEqual(TestGame.TokenOf("Zoé"), zoe.TokenHash);
        Assert.Equal(SecretToken.Hash(TestGame.TokenOf("Zoé")), zoe.TokenHash);
        var persisted = _game.Snapshot();
        Assert.DoesNotContain(TestGame.HostToken, persisted);
        Assert.DoesNotContain(TestGame.TokenOf("Zoé"), persisted);
    }

    [Fact]
    public void A_kicked_seat_is_no_longer_found_by_its_token_and_its_nickname_is_free_again()
    {
        var zoe = _game.Join("Zoé");

        Assert.Null(_game.Session.Kick(zoe.Id));

        Assert.True(zoe.Kicked);
        Assert.Null(_game.Session.FindSeat(TestGame.TokenOf("Zoé")));
        Assert.Null(_game.Session.SeatById(zoe.Id));
        Assert.Empty(_game.Session.ActiveSeats);
        var (again, error) = _game.Session.Join("ZOÉ", "another-token");
        Assert.Null(error);
        Assert.Equal(2, again!.Id);
    }

    [Fact]
    public void Kicking_an_unknown_or_already_kicked_seat_is_refused()
    {
        var zoe = _game.Join("Zoé");
        Assert.Equal(GameError.SeatNotFound, _game.Session.Kick(99));
        Assert.Null(_game.Session.Kick(zoe.Id));
        Assert.Equal(GameError.SeatNotFound, _game.Session.Kick(zoe.Id));
    }

    [Fact]
    public void A_kicked_learner_cannot_answer()
    {
        var zoe = _game.Join("Zoé");
        _game.Join("Marc");
        _game.Start();
        _game.Session.Kick(zoe.Id);

        Assert.Equal(GameError.SeatNotFound, _game.Answer(zoe, Answers.Choice(1)).Error);
        Assert.Empty(_game.Session.CurrentRound!.Answers);
    }
}
