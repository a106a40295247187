using System.Text.Json;
using LearnGame.Domain.Questions;
using LearnGame.Domain.Quizzes;
using LearnGame.Domain.Sessions;
using Microsoft.Extensions.Time.Testing;

namespace LearnGame.UnitTests.Support;

/// <summary>A game session driven by a fake clock: time only moves when a test advances it.</summary>
internal sealed class TestGame
{
    public const string HostToken = "host-secret-token";
    public static readonly Guid SessionId = Guid.Parse("6f9619ff-8b86-d011-b42d-00c04fc964ff");
    public static readonly DateTimeOffset StartTime = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private int _answerIds;

    public TestGame(Quiz quiz, SessionOptions? options = null)
    {
        Session = GameSession.Create(SessionId, "123456", quiz, options ?? new SessionOptions(), HostToken, Clock.GetUtcNow());
    }

    public TestGame(params Question[] questions) : this(Make.Quiz(questions)) { }

    public TestGame(SessionOptions options, params Question[] questions) : this(Make.Quiz(questions), options) { }

    public FakeTimeProvider Clock { get; } = new(StartTime);
    public GameSession Session { get; }
    public DateTimeOffset Now => Clock.GetUtcNow();

    public static string TokenOf(string nickname) => $"seat-token-{nickname}";

    public void Advance(double seconds) => Clock.Advance(TimeSpan.FromSeconds(seconds));

    public Seat Join(string nickname)
    {
        var (seat, error) = Session.Join(nickname, TokenOf(nickname));
        Assert.Null(error);
        return seat!;
    }

    public Seat[] Join(params string[] nicknames) => nicknames.Select(Join).ToArray();

    public void Start() => Assert.Null(Session.Start(Now));

    public void Next() => Assert.Null(Session.Next(Now));

    public void RevealNow() => Assert.Null(Session.RevealNow(Now));

    /// <summary>Reveal → Leaderboard → next question.</summary>
    public void NextQuestion()
    {
        Next();
        Next();
        Assert.Equal(SessionPhase.QuestionOpen, Session.Phase);
    }

    /// <summary>Submits to the open question (or the given index) with a fresh answer id.</summary>
    public AnswerOutcome Answer(Seat seat, Answer answer, int? questionIndex = null, string? answerId = null) =>
        Session.SubmitAnswer(seat.Id, questionIndex ?? Session.CurrentRound!.QuestionIndex, answerId ?? NewAnswerId(), answer, Now);

    public SubmittedAnswer Accepted(Seat seat, Answer answer)
    {
        var outcome = Answer(seat, answer);
        Assert.Null(outcome.Error);
        return outcome.Answer!;
    }

    public string NewAnswerId() => $"answer-{++_answerIds}";

    /// <summary>The whole state as the grains persist it.</summary>
    public string Snapshot() => JsonSerializer.Serialize(Session, QuizJson.Options);
}
