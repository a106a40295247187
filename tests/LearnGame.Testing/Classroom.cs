using System.Text.Json.Nodes;
using LearnGame.Domain.Quizzes;

namespace LearnGame.Testing;

/// <summary>A session created over REST, its trainer connected with the host token, and learners joined with the code.</summary>
public sealed class Classroom : IAsyncDisposable
{
    private Classroom(ServerEndpoint server, TrainerApi.Created created, GameClient trainer)
    {
        Server = server;
        Created = created;
        Trainer = trainer;
    }

    public ServerEndpoint Server { get; }
    public TrainerApi.Created Created { get; }
    public GameClient Trainer { get; }
    public List<GameClient> Learners { get; } = [];

    public static async Task<Classroom> Open(ServerEndpoint server, int learners, Quiz? quiz = null, bool closeWhenAllAnswered = false, bool speedScoring = true,
        object? options = null)
    {
        var body = new
        {
            quiz = JsonNode.Parse(QuizJson.Write(quiz ?? TestQuizzes.Short())),
            options = options ?? new { closeWhenAllAnswered, speedScoring },
        };
        var created = await TrainerApi.CreateSession(server, body);
        var trainer = await GameClient.Connect(server);
        var hosted = await trainer.Host(created.SessionId, created.HostToken);
        if (!hosted.Ok) throw new InvalidOperationException(hosted.Message);
        var room = new Classroom(server, created, trainer);
        for (var i = 1; i <= learners; i++) await room.AddLearner($"Learner {i}");
        return room;
    }

    public async Task<GameClient> AddLearner(string nickname)
    {
        var learner = await GameClient.Connect(Server);
        var joined = await learner.Join(Created.JoinCode, nickname);
        if (!joined.Ok) throw new InvalidOperationException($"{joined.Error}: {joined.Message}");
        learner.SessionId = Created.SessionId;
        learner.SeatId = joined.SeatId;
        learner.SeatToken = joined.SeatToken;
        learner.Nickname = nickname;
        Learners.Add(learner);
        return learner;
    }

    /// <summary>Starts the game and waits until every learner sees the first question.</summary>
    public async Task Start()
    {
        var started = await Trainer.Do("Start");
        if (!started.Ok) throw new InvalidOperationException(started.Message);
        foreach (var l in Learners) await l.WaitForQuestion(0);
    }

    public async ValueTask DisposeAsync()
    {
        await Trainer.DisposeAsync();
        foreach (var l in Learners) await l.DisposeAsync();
    }
}
