using LearnGame.Domain.Challenges;
using LearnGame.Domain.Sessions;
using LearnGame.Grains.Sessions;
using LearnGame.UnitTests.Support;

namespace LearnGame.UnitTests.Grains;

public class SessionSnapshotsTests
{
    private static SnapshotContext Context(TestGame game, Func<int, bool>? connected = null, long sequence = 0, bool retrying = false, ChallengeView? challenge = null) =>
        new(connected ?? (_ => false), game.Now, sequence, retrying, challenge);

    [Fact]
    public void A_learner_in_the_lobby_sees_itself_and_the_count_but_not_the_other_names()
    {
        var game = new TestGame(Make.Single(), Make.Single());
        var (zoe, _) = (game.Join("Zoé"), game.Join("Marc"));

        var snapshot = SessionSnapshots.Of(game.Session, zoe, Context(game));

        Assert.Equal((SessionPhase.Lobby, 2, 2), (snapshot.Phase, snapshot.LearnerCount, snapshot.QuestionCount));
        Assert.Empty(snapshot.Learners);
        Assert.Equal((zoe.Id, "Zoé"), (snapshot.You!.SeatId, snapshot.You.Nickname));
        Assert.Equal(("fr", "123456"), (snapshot.Language, snapshot.JoinCode));
        Assert.Null(snapshot.Deadline);
    }

    [Fact]
    public void Trainers_see_every_learner_with_whether_it_is_connected_now()
    {
        var game = new TestGame(Make.Single());
        var (zoe, marc) = (game.Join("Zoé"), game.Join("Marc"));

        var snapshot = SessionSnapshots.Of(game.Session, null, Context(game, connected: id => id == marc.Id));

        Assert.Null(snapshot.You);
        Assert.Equal([("Zoé", false), ("Marc", true)], snapshot.Learners.Select(l => (l.Nickname, l.Connected)));
        Assert.Equal(zoe.Id, snapshot.Learners[0].SeatId);
    }

    [Fact]
    public void The_sequence_storage_state_and_challenge_come_from_the_grain_not_the_game()
    {
        var game = new TestGame(Make.Single());
        var challenge = new ChallengeView(Guid.NewGuid(), "Défi", GoalKind.CorrectAnswers, 10, null, 3, 30, false, null, 1, 4);

        var snapshot = SessionSnapshots.Of(game.Session, null, Context(game, sequence: 42, retrying: true, challenge: challenge));

        Assert.Equal((42L, true), (snapshot.Sequence, snapshot.StorageRetrying));
        Assert.Same(challenge, snapshot.Challenge);
        Assert.Equal(game.Now, snapshot.ServerNow);
    }

    [Fact]
    public void A_learner_with_extra_time_sees_its_own_deadline_and_trainers_the_common_one_and_the_last()
    {
        var game = new TestGame(Make.Single(timeLimitSeconds: 20));
        var (zoe, marc) = (game.Join("Zoé"), game.Join("Marc"));
        Assert.Null(game.Session.SetExtraTime(zoe.Id, 50, 0));
        game.Start();
        game.Advance(5);

        var trainer = SessionSnapshots.Of(game.Session, null, Context(game));
        var own = SessionSnapshots.Of(game.Session, zoe, Context(game));
        var other = SessionSnapshots.Of(game.Session, marc, Context(game));

        Assert.Equal((15_000L, 25_000L, 15_000L), (trainer.RemainingMs, own.RemainingMs, other.RemainingMs));
        Assert.Equal(game.Now.AddSeconds(15), trainer.Deadline);
        Assert.Equal(game.Now.AddSeconds(25), own.Deadline);
        Assert.Equal(game.Now.AddSeconds(25), trainer.LastDeadline);
        Assert.NotNull(trainer.Question);
    }

    [Fact]
    public void At_the_reveal_a_learner_sees_its_own_answer_and_result()
    {
        var game = new TestGame(Make.Single(correct: 1), Make.Single());
        var (zoe, marc) = (game.Join("Zoé"), game.Join("Marc"));
        game.Start();
        var answer = game.Accepted(zoe, Answers.Choice(1));
        game.Accepted(marc, Answers.Choice(0));
        game.RevealNow();

        var snapshot = SessionSnapshots.Of(game.Session, zoe, Context(game));

        Assert.Equal(SessionPhase.Reveal, snapshot.Phase);
        Assert.NotNull(snapshot.Reveal);
        Assert.Null(snapshot.Leaderboard);
        Assert.Equal(answer.AnswerId, snapshot.You!.AnswerId);
        Assert.True(snapshot.You.Result!.Correct);
        Assert.Equal((2, 0L), (snapshot.AnsweredCount, snapshot.RemainingMs));
    }
}
