using LearnGame.Domain.Quizzes;
using LearnGame.Grains.Abstractions.Sessions;
using LearnGame.Grains.Sessions;
using LearnGame.Storage;

namespace LearnGame.FunctionalTests.Grains;

/// <summary>The game a fresh server plays in memory, so that its first real game does not pay for compiling the game's paths.</summary>
public sealed class SessionWarmUpTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_warm_up_plays_every_question_of_the_demo_to_the_end_with_every_event_a_class_receives()
    {
        var questions = DemoQuizzes.Load(QuizLanguage.Fr).Questions.Count;

        var events = SessionWarmUp.Play(LearnGameStateSerializer.DefaultOptions, Start);

        Assert.Equal(SessionEvents.Lobby, events[0]);
        Assert.Equal(questions, events.Count(e => e == SessionEvents.Question));
        Assert.Equal(questions, events.Count(e => e == SessionEvents.Reveal));
        Assert.Equal(questions, events.Count(e => e == SessionEvents.Leaderboard));
        Assert.Equal(3 * questions, events.Count(e => e == SessionEvents.Result));
        Assert.Single(events, SessionEvents.Podium);
        Assert.Equal([SessionEvents.Ended, SessionEvents.Standing, SessionEvents.Standing, SessionEvents.Standing], events.TakeLast(4));
    }

    [Fact]
    public void Each_question_is_announced_answered_revealed_then_ranked_in_the_grains_order()
    {
        var events = SessionWarmUp.Play(LearnGameStateSerializer.DefaultOptions, Start);

        Assert.Equal(
            [SessionEvents.Question, SessionEvents.AnswerCount, SessionEvents.Reveal, SessionEvents.Result, SessionEvents.Result, SessionEvents.Result,
             SessionEvents.Leaderboard, SessionEvents.Standing, SessionEvents.Standing, SessionEvents.Standing],
            events.Skip(1).Take(10));
    }
}
