using LearnGame.Domain.Questions;
using LearnGame.Domain.Quizzes;
using LearnGame.Domain.Reports;
using LearnGame.Domain.Sessions;

namespace LearnGame.Grains.Abstractions.Sessions;

/// <summary>One live game (key: session id). The server decides who calls: seat ids come from the connection, never from a client.</summary>
public interface ISessionGrain : IGrainWithGuidKey
{
    Task<ActionResult> Create(Quiz quiz, SessionOptions options, string joinCode, string hostToken);

    Task<JoinResult> Join(string nickname);

    /// <summary>Joins with a learner profile: at the end of the game the seat's results go to that learner.</summary>
    Task<JoinResult> JoinWithProfile(string nickname, Guid learnerId);

    /// <summary>A learner comes back with its seat token: same seat, score and streak.</summary>
    Task<JoinResult> Rejoin(string seatToken);

    /// <summary>The trainer (or the projector) connects with the host token.</summary>
    Task<HostResult> Host(string hostToken);

    /// <summary>A learner picks its team in the lobby (sessions where learners choose).</summary>
    Task<ActionResult> ChooseTeam(int seatId, int teamId);

    Task<AnswerAck> SubmitAnswer(int seatId, int questionIndex, string answerId, Answer answer, DateTimeOffset receivedAt);

    Task<ActionResult> Control(string hostToken, HostCommand command);

    /// <summary>Counts a learner's live connections, for "close when everyone answered" and the lobby.</summary>
    Task SeatConnected(int seatId);

    Task SeatDisconnected(int seatId);

    /// <summary>A silo's relay asks for this session's events; call again within the expiry to stay subscribed.</summary>
    Task Subscribe(ISessionObserver relay);

    Task Unsubscribe(ISessionObserver relay);

    Task<SessionSnapshot?> Snapshot();

    /// <summary>The trainer's report: per question and per learner. Forbidden without the host token.</summary>
    Task<ReportResult> Report(string hostToken);

    /// <summary>Makes this session contribute to a shared challenge (one per session). Called by the challenge grain.</summary>
    Task<ActionResult> AttachChallenge(string hostToken, Guid challengeId);

    /// <summary>The session's challenge progressed: its learners and projector are told; a reached goal rewards the learners present.</summary>
    [Orleans.Concurrency.OneWay]
    Task ChallengeChanged(LearnGame.Domain.Challenges.ChallengeView view);

    /// <summary>An erased learner: its seats lose their nickname, token and profile link; answers stay, unnamed. Returns how many.</summary>
    Task<int> ForgetLearner(Guid learnerId);
}

/// <summary>Receives a session's events once per silo and delivers them to that silo's connections.</summary>
public interface ISessionObserver : IGrainObserver
{
    /// <summary>
    /// Takes a batch for delivery and returns at once. Not one-way: the session waits for this answer before it sends the
    /// next batch to this relay, which is what keeps the events in order.
    /// </summary>
    Task OnEvents(SessionEventBatch batch);
}

/// <summary>The report, or why not.</summary>
[GenerateSerializer, Immutable, Alias("lg.ReportResult")]
public sealed record ReportResult([property: Id(0)] bool Ok, [property: Id(1)] string? Error, [property: Id(2)] SessionReport? Report);
