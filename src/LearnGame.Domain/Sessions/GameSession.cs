using System.Text.Json.Serialization;
using LearnGame.Domain.Questions;
using LearnGame.Domain.Quizzes;
using LearnGame.Domain.Scoring;

namespace LearnGame.Domain.Sessions;

/// <summary>
/// A live game and its rules: the state machine Lobby → QuestionOpen → Reveal → Leaderboard → … → Podium → Ended,
/// seats, answers and scoring. Time always comes in as a parameter; nothing here reads a clock.
/// Every method either changes the state and returns null, or returns an error and changes nothing.
/// </summary>
public sealed class GameSession
{
    public const int MaxSeats = 10_000;
    public const int MaxAnswerIdLength = 64;

    [JsonInclude] public Guid Id { get; private set; }
    [JsonInclude] public string JoinCode { get; private set; } = "";
    [JsonInclude] public Quiz Quiz { get; private set; } = null!;
    [JsonInclude] public SessionOptions Options { get; private set; } = new();
    [JsonInclude] public string HostTokenHash { get; private set; } = "";
    [JsonInclude] public SessionPhase Phase { get; private set; }
    [JsonInclude] public bool Locked { get; private set; }
    [JsonInclude] public DateTimeOffset CreatedAt { get; private set; }
    [JsonInclude] public List<Seat> Seats { get; private set; } = [];
    [JsonInclude] public List<Round> Rounds { get; private set; } = [];

    /// <summary>Creates a session in the lobby; only the hash of the host token is kept.</summary>
    public static GameSession Create(Guid id, string joinCode, Quiz quiz, SessionOptions options, string hostToken, DateTimeOffset now) => new()
    {
        Id = id,
        JoinCode = joinCode,
        Quiz = quiz,
        Options = options,
        HostTokenHash = SecretToken.Hash(hostToken),
        Phase = SessionPhase.Lobby,
        CreatedAt = now,
    };

    [JsonIgnore] public Round? CurrentRound => Rounds.Count == 0 || Phase is SessionPhase.Lobby ? null : Rounds[^1];
    [JsonIgnore] public Question? CurrentQuestion => CurrentRound is { } r ? Quiz.Questions[r.QuestionIndex] : null;
    [JsonIgnore] public int QuestionCount => Quiz.Questions.Count;
    [JsonIgnore] public IEnumerable<Seat> ActiveSeats => Seats.Where(s => !s.Kicked);
    [JsonIgnore] public bool IsLive => Phase != SessionPhase.Ended;

    /// <summary>Same shuffle for everyone in a round, different between sessions and questions.</summary>
    public int ShuffleSeed(int questionIndex) =>
        // Deterministic across processes (HashCode.Combine is not), so every silo shows the same order.
        (int)((uint)Id.GetHashCode() ^ (uint)(questionIndex + 1) * 2654435761u) & int.MaxValue;

    public bool IsHost(string? token) => token is not null && SecretToken.Matches(token, HostTokenHash);

    /// <summary>The seat a token opens; kicked seats open nothing.</summary>
    public Seat? FindSeat(string? token)
    {
        if (string.IsNullOrEmpty(token)) return null;
        var hash = SecretToken.Hash(token);
        return Seats.FirstOrDefault(s => !s.Kicked && s.TokenHash == hash);
    }

    public Seat? SeatById(int seatId) => Seats.FirstOrDefault(s => s.Id == seatId && !s.Kicked);

    // ----- Lobby -----

    public (Seat? Seat, GameError? Error) Join(string? rawNickname, string seatToken)
    {
        if (Phase is SessionPhase.Podium or SessionPhase.Ended) return (null, GameError.WrongPhase);
        if (Locked) return (null, GameError.LobbyLocked);
        if (Nickname.Clean(rawNickname) is not { } nickname) return (null, Nickname.Invalid);
        if (ActiveSeats.Any(s => Nickname.Clash(s.Nickname, nickname))) return (null, GameError.NicknameTaken);
        if (Seats.Count >= MaxSeats) return (null, GameError.SessionFull);
        var seat = new Seat { Id = Seats.Count + 1, Nickname = nickname, TokenHash = SecretToken.Hash(seatToken) };
        Seats.Add(seat);
        return (seat, null);
    }

    public GameError? Kick(int seatId)
    {
        if (Phase == SessionPhase.Ended) return GameError.WrongPhase;
        if (SeatById(seatId) is not { } seat) return GameError.SeatNotFound;
        seat.Kicked = true;
        return null;
    }

    public GameError? SetLocked(bool locked)
    {
        if (Phase == SessionPhase.Ended) return GameError.WrongPhase;
        Locked = locked;
        return null;
    }

    public GameError? Start(DateTimeOffset now)
    {
        if (Phase != SessionPhase.Lobby) return GameError.WrongPhase;
        if (!ActiveSeats.Any()) return GameError.NoLearners;
        OpenQuestion(0, now);
        return null;
    }

    // ----- Questions -----

    public AnswerOutcome SubmitAnswer(int seatId, int questionIndex, string? answerId, Answer? answer, DateTimeOffset receivedAt)
    {
        if (SeatById(seatId) is null) return AnswerOutcome.Refused(GameError.SeatNotFound);
        if (string.IsNullOrEmpty(answerId) || answerId.Length > MaxAnswerIdLength || !answerId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            return AnswerOutcome.Refused(GameError.AnswerIdInvalid);
        var round = CurrentRound;
        // A retry of an acknowledged answer gets the same acknowledgement, whatever happened since.
        if (round is not null && round.QuestionIndex == questionIndex && round.Answers.TryGetValue(seatId, out var previous))
            return previous.AnswerId == answerId ? AnswerOutcome.Repeated(previous) : AnswerOutcome.Refused(GameError.AlreadyAnswered);
        if (Rounds.Any(r => r.QuestionIndex == questionIndex && r.Answers.TryGetValue(seatId, out var old) && old.AnswerId == answerId))
            return AnswerOutcome.Repeated(Rounds.First(r => r.QuestionIndex == questionIndex).Answers[seatId]);
        if (round is null || Phase != SessionPhase.QuestionOpen)
            return AnswerOutcome.Refused(round is not null && round.QuestionIndex == questionIndex ? GameError.AnswerTooLate : GameError.QuestionNotOpen);
        if (questionIndex != round.QuestionIndex)
            return AnswerOutcome.Refused(questionIndex >= 0 && questionIndex < round.QuestionIndex ? GameError.AnswerTooLate : GameError.WrongQuestion);
        if (!round.Paused && receivedAt >= round.Deadline) return AnswerOutcome.Refused(GameError.AnswerTooLate);
        if (answer is null) return AnswerOutcome.Refused(new GameError("answer-wrong-type", "The answer is missing."));
        var question = Quiz.Questions[questionIndex];
        if (question.CheckShape(answer) is { } shape) return AnswerOutcome.Refused(new GameError(shape.Code, shape.Message));

        var limit = TimeSpan.FromSeconds(question.TimeLimitSeconds);
        var elapsed = limit - round.Remaining(receivedAt);
        var submitted = new SubmittedAnswer
        {
            AnswerId = answerId,
            Answer = answer,
            ReceivedAt = receivedAt,
            ElapsedMs = (long)Math.Max(0, elapsed.TotalMilliseconds),
            // Ordering answers arrive in display ids; grade them in authored indexes.
            Credit = question.Grade(question is OrderingQuestion ordering ? ordering.FromDisplay(answer, ShuffleSeed(questionIndex)) : answer),
        };
        round.Answers[seatId] = submitted;
        return AnswerOutcome.Accepted(submitted);
    }

    /// <summary>Closes the open question once its deadline has passed; true when something changed.</summary>
    public bool Tick(DateTimeOffset now)
    {
        if (Phase != SessionPhase.QuestionOpen || CurrentRound is not { Paused: false } round || now < round.Deadline) return false;
        CloseRound(round);
        return true;
    }

    /// <summary>Every connected learner has answered the open question (and there is at least one).</summary>
    public bool AllAnswered(IReadOnlyCollection<int> connectedSeatIds) =>
        Phase == SessionPhase.QuestionOpen && CurrentRound is { } round
        && connectedSeatIds.Count > 0 && connectedSeatIds.All(id => round.Answers.ContainsKey(id) || SeatById(id) is null);

    public GameError? Pause(DateTimeOffset now)
    {
        if (Phase != SessionPhase.QuestionOpen || CurrentRound is not { Paused: false } round || now >= round.Deadline) return GameError.WrongPhase;
        round.PausedRemaining = round.Remaining(now);
        return null;
    }

    public GameError? Resume(DateTimeOffset now)
    {
        if (Phase != SessionPhase.QuestionOpen || CurrentRound is not { PausedRemaining: { } remaining } round) return GameError.WrongPhase;
        round.Deadline = now + remaining;
        round.PausedRemaining = null;
        return null;
    }

    /// <summary>The trainer closes the question before its deadline.</summary>
    public GameError? RevealNow()
    {
        if (Phase != SessionPhase.QuestionOpen || CurrentRound is not { } round) return GameError.WrongPhase;
        CloseRound(round);
        return null;
    }

    /// <summary>Drops the open question without scoring it and moves on.</summary>
    public GameError? Skip(DateTimeOffset now)
    {
        if (Phase != SessionPhase.QuestionOpen || CurrentRound is not { } round) return GameError.WrongPhase;
        round.Closed = true;
        round.Skipped = true;
        round.PausedRemaining = null;
        AdvanceFrom(round.QuestionIndex, now);
        return null;
    }

    /// <summary>Reveal → Leaderboard → next question (or Podium after the last) → Ended.</summary>
    public GameError? Next(DateTimeOffset now)
    {
        switch (Phase)
        {
            case SessionPhase.Reveal:
                Phase = SessionPhase.Leaderboard;
                return null;
            case SessionPhase.Leaderboard:
                AdvanceFrom(CurrentRound!.QuestionIndex, now);
                return null;
            case SessionPhase.Podium:
                Phase = SessionPhase.Ended;
                return null;
            default:
                return GameError.WrongPhase;
        }
    }

    /// <summary>Ends the game at once; an open question is scored first so that no acknowledged answer is lost.</summary>
    public GameError? End()
    {
        if (Phase == SessionPhase.Ended) return GameError.WrongPhase;
        if (Phase == SessionPhase.QuestionOpen && CurrentRound is { } round) CloseRound(round);
        Phase = SessionPhase.Ended;
        return null;
    }

    // ----- Results -----

    /// <summary>Learners in rank order: score, then correct answers, then time taken by correct answers, then who joined first.</summary>
    public IReadOnlyList<Seat> Ranking() =>
        ActiveSeats.OrderByDescending(s => s.Score).ThenByDescending(s => s.CorrectCount)
            .ThenBy(s => s.CorrectTimeMs).ThenBy(s => s.Id).ToList();

    private void OpenQuestion(int index, DateTimeOffset now)
    {
        var limit = TimeSpan.FromSeconds(Quiz.Questions[index].TimeLimitSeconds);
        Rounds.Add(new Round { QuestionIndex = index, OpenedAt = now, Deadline = now + limit });
        Phase = SessionPhase.QuestionOpen;
    }

    private void AdvanceFrom(int questionIndex, DateTimeOffset now)
    {
        if (questionIndex + 1 < QuestionCount) OpenQuestion(questionIndex + 1, now);
        else Phase = SessionPhase.Podium;
    }

    private void CloseRound(Round round)
    {
        var question = Quiz.Questions[round.QuestionIndex];
        round.Closed = true;
        round.PausedRemaining = null;
        Phase = SessionPhase.Reveal;
        if (!question.IsGraded)
            return;
        var limit = TimeSpan.FromSeconds(question.TimeLimitSeconds);
        foreach (var seat in ActiveSeats)
        {
            if (!round.Answers.TryGetValue(seat.Id, out var answer))
            {
                seat.Streak = 0;
                continue;
            }
            answer.Correct = ScoringRules.IsCorrect(answer.Credit);
            seat.Streak = answer.Correct ? seat.Streak + 1 : 0;
            seat.BestStreak = Math.Max(seat.BestStreak, seat.Streak);
            answer.StreakAfter = seat.Streak;
            answer.Points = ScoringRules.AnswerPoints(question.Points, answer.Credit, TimeSpan.FromMilliseconds(answer.ElapsedMs), limit, Options.SpeedScoring)
                + (answer.Correct ? ScoringRules.StreakBonus(question.Points, seat.Streak) : 0);
            seat.Score += answer.Points;
            if (answer.Correct)
            {
                seat.CorrectCount++;
                seat.CorrectTimeMs += answer.ElapsedMs;
            }
        }
    }
}

/// <summary>What became of a submitted answer: accepted (new or repeated) or refused with an error.</summary>
public sealed record AnswerOutcome(SubmittedAnswer? Answer, GameError? Error, bool IsRepeat)
{
    public static AnswerOutcome Accepted(SubmittedAnswer answer) => new(answer, null, false);
    public static AnswerOutcome Repeated(SubmittedAnswer answer) => new(answer, null, true);
    public static AnswerOutcome Refused(GameError error) => new(null, error, false);
}
