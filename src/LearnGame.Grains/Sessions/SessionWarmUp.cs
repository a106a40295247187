using System.Text.Json;
using LearnGame.Domain.Quizzes;
using LearnGame.Domain.Sessions;
using LearnGame.Domain.Sessions.Views;
using LearnGame.Grains.Abstractions.Sessions;

namespace LearnGame.Grains.Sessions;

/// <summary>
/// Plays one short game in memory, through the rules, the views and the JSON a session grain uses, so that a freshly
/// started server has compiled them before its first real game; otherwise the first question and the first reveal
/// of the first game would wait for that work (the domain's first calls, System.Text.Json building each payload's
/// contract) between the trainer's action and the event leaving. Nothing is stored and nothing is sent.
/// </summary>
public static class SessionWarmUp
{
    private const int Learners = 3;

    /// <summary>
    /// Plays the demo quiz to its end with a few learners answering every question; returns the name of each event
    /// it built, in order. <paramref name="stateJson"/> is the storage's JSON: the session's state and its journal
    /// entries are written with it, as a checkpoint would.
    /// </summary>
    public static IReadOnlyList<string> Play(JsonSerializerOptions stateJson, DateTimeOffset now)
    {
        var events = new List<string>();
        var game = GameSession.Create(Guid.NewGuid(), "000000", DemoQuizzes.Load(QuizLanguage.Fr), new SessionOptions(), "warm-up", now);
        var journal = new List<SessionChange>();
        long sequence = 0;
        for (var i = 0; i < Learners; i++)
        {
            var (seat, error) = game.Join($"Apprenant {i + 1}", $"warm-up-{i}");
            if (error is not null) throw new InvalidOperationException($"The warm-up could not join: {error.Code}.");
            journal.Add(SessionChange.Join(seat!, ++sequence));
        }
        Emit(events, SessionEvents.Lobby, SessionAnnouncements.Lobby(game, _ => true));
        HostCommand command = new StartCommand();
        // Each phase once per question at most (question, discussion, reveal, leaderboard), then the podium and the end.
        for (var step = 0; game.IsLive && step < 4 * game.QuestionCount + 3; step++)
        {
            now += TimeSpan.FromSeconds(1);
            if (SessionCommands.Apply(game, command, now) is { } refused)
                throw new InvalidOperationException($"The warm-up's {command.Action} was refused: {refused.Code}.");
            journal.Add(SessionChange.Host(command, now, ++sequence));
            Announce(events, game, now);
            if (game.Phase == SessionPhase.QuestionOpen) Answer(game, journal, ref sequence, now);
            command = game.Phase == SessionPhase.QuestionOpen ? new RevealCommand() : new NextCommand();
        }
        if (game.IsLive) throw new InvalidOperationException($"The warm-up's game did not end (still in {game.Phase}).");
        JsonSerializer.SerializeToUtf8Bytes(new SessionState { Game = game, Sequence = sequence }, stateJson);
        foreach (var change in journal) JsonSerializer.SerializeToUtf8Bytes(change, stateJson);
        return events;
    }

    /// <summary>The events of the phase the game has just entered, built and serialised as the grain does.</summary>
    private static void Announce(List<string> events, GameSession game, DateTimeOffset now)
    {
        foreach (var announcement in SessionAnnouncements.PhaseEntered(game, now))
        {
            if (announcement.Payload is not null) Emit(events, announcement.Name, announcement.Payload);
            foreach (var personal in announcement.Personal?.Values ?? []) Emit(events, announcement.PersonalName ?? announcement.InsideAs!, personal);
        }
        if (game is { Phase: SessionPhase.QuestionOpen, CurrentRound: { } round })
            Emit(events, SessionEvents.AnswerCount, new AnswerCountPayload(round.QuestionIndex, round.Answers.Count, game.ActiveSeats.Count()));
    }

    /// <summary>Every learner answers the open question: the right answer, or for a poll the first choice.</summary>
    private static void Answer(GameSession game, List<SessionChange> journal, ref long sequence, DateTimeOffset now)
    {
        var round = game.CurrentRound!;
        var answer = game.CurrentQuestion!.ExpectedAnswer() ?? new Domain.Questions.Answer { Choices = [0] };
        foreach (var seat in game.ActiveSeats.ToList())
        {
            var outcome = game.SubmitAnswer(seat.Id, round.QuestionIndex, $"warm-up-{seat.Id}-{round.QuestionIndex}", answer, now);
            if (outcome.Error is { } error) throw new InvalidOperationException($"The warm-up's answer was refused: {error.Code}.");
            journal.Add(SessionChange.Answered(seat.Id, round.QuestionIndex, outcome.Answer!, ++sequence));
        }
    }

    private static void Emit<T>(List<string> events, string name, T payload)
    {
        JsonSerializer.SerializeToUtf8Bytes(payload, QuizJson.Options);
        events.Add(name);
    }
}
