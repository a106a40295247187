namespace LearnGame.Domain.Sessions;

/// <summary>A refused action: a stable code the client translates, and an English message for logs and developers.</summary>
public sealed record GameError(string Code, string Message)
{
    public static readonly GameError WrongPhase = new("wrong-phase", "This action is not possible at this point of the game.");
    public static readonly GameError QuestionNotOpen = new("question-not-open", "No question is open for answers.");
    public static readonly GameError AnswerTooLate = new("answer-too-late", "The time for this question is over.");
    public static readonly GameError WrongQuestion = new("wrong-question", "This answer is for another question.");
    public static readonly GameError AlreadyAnswered = new("already-answered", "You have already answered this question.");
    public static readonly GameError AnswerIdInvalid = new("answer-id-invalid", "The answer id must be 1 to 64 letters, digits, '-' or '_'.");
    public static readonly GameError LobbyLocked = new("lobby-locked", "The trainer has locked this session.");
    public static readonly GameError NicknameTaken = new("nickname-taken", "Someone in this session already uses this nickname.");
    public static readonly GameError SeatNotFound = new("seat-not-found", "This learner is not in the session.");
    public static readonly GameError NoLearners = new("no-learners", "Wait for at least one learner before starting.");
    public static readonly GameError SessionFull = new("session-full", "This session is full.");

    /// <summary>An answer of another shape than its question's (a text for a choice, say).</summary>
    public static GameError AnswerWrongType(string expected) => new("answer-wrong-type", $"This question expects {expected}.");

    /// <summary>An answer of the right shape whose values the question does not offer.</summary>
    public static GameError AnswerOutOfRange(string message) => new("answer-out-of-range", message);
}
