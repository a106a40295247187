using System.Text.Json;
using LearnGame.Domain.Questions;
using LearnGame.Domain.Quizzes;
using LearnGame.Domain.Sessions;
using LearnGame.Domain.Teams;
using LearnGame.Grains.Abstractions.Sessions;
using LearnGame.Grains.Sessions;
using LearnGame.Storage;

namespace LearnGame.FunctionalTests.Grains;

/// <summary>The journal's entries as stored JSON: one shape per kind of change and per command, read back as written.</summary>
public sealed class SessionChangeJsonTests
{
    private static readonly JsonSerializerOptions Options = LearnGameStateSerializer.DefaultOptions;
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    private static List<SessionChange> OneOfEachKind()
    {
        var game = GameSession.Create(Guid.NewGuid(), "123456", DemoQuizzes.Load(QuizLanguage.Fr), new SessionOptions(), "host", Start);
        var (léa, _) = game.Join("Léa « la rapide »", "seat-token-1", null);
        game.Start(Start);
        var outcome = game.SubmitAnswer(léa!.Id, 0, "a-1", new Answer { Choices = [1] }, Start.AddSeconds(3));
        return
        [
            SessionChange.Join(léa, 1),
            SessionChange.Answered(léa.Id, 0, outcome.Answer!, 2),
            SessionChange.Host(new KickCommand(léa.Id), Start.AddMinutes(1), 3),
            SessionChange.Ticked(Start.AddMinutes(2), 4),
            SessionChange.RevealedNow(Start.AddMinutes(3), 5),
            SessionChange.TeamChosen(léa.Id, 2, 6),
        ];
    }

    [Fact]
    public void Every_kind_of_change_reads_back_as_the_same_kind_with_the_same_json()
    {
        var changes = OneOfEachKind();
        Assert.Equal(ConcreteSubtypesOf<SessionChange>(), changes.Select(c => c.GetType()).ToHashSet());

        foreach (var change in changes)
        {
            var json = JsonSerializer.Serialize(change, Options);
            var read = JsonSerializer.Deserialize<SessionChange>(json, Options)!;

            Assert.IsType(change.GetType(), read);
            Assert.Equal(change.Sequence, read.Sequence);
            Assert.Equal(change.SeatId, read.SeatId);
            Assert.Equal(json, JsonSerializer.Serialize(read, Options));
        }
    }

    [Theory]
    [InlineData(0, "join", "seat,sequence")]
    [InlineData(1, "answer", "answer,questionIndex,seatId,sequence")]
    [InlineData(2, "command", "at,command,sequence")]
    [InlineData(3, "tick", "at,sequence")]
    [InlineData(4, "revealNow", "at,sequence")]
    [InlineData(5, "chooseTeam", "seatId,sequence,teamId")]
    public void Each_change_is_stored_with_its_kind_first_and_only_its_own_fields(int index, string kind, string fields)
    {
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(OneOfEachKind()[index], Options));

        var properties = json.RootElement.EnumerateObject().ToList();
        Assert.Equal("kind", properties[0].Name);
        Assert.Equal(kind, properties[0].Value.GetString());
        Assert.Equal(fields, string.Join(',', properties.Skip(1).Select(p => p.Name).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void A_command_inside_a_change_reads_back_equal_to_itself()
    {
        foreach (var command in HostCommandTests.Commands)
        {
            var json = JsonSerializer.Serialize(SessionChange.Host(command, Start, 9), Options);
            var read = Assert.IsType<CommandedChange>(JsonSerializer.Deserialize<SessionChange>(json, Options));

            Assert.Equal(command, read.Command);
            Assert.Equal(Start, read.At);
        }
    }

    [Fact]
    public void Changes_read_back_from_json_replay_to_the_same_game_as_the_changes_themselves()
    {
        var quiz = DemoQuizzes.Load(QuizLanguage.Fr);
        var options = new SessionOptions { Teams = new TeamOptions { Formation = TeamFormation.Choose, Count = 2 } };
        var live = GameSession.Create(Guid.NewGuid(), "123456", quiz, options, "host", Start);
        var changes = new List<SessionChange>();
        var (léa, _) = live.Join("Léa", "seat-token-1", null);
        var (tom, _) = live.Join("Tom", "seat-token-2", null);
        changes.Add(SessionChange.Join(léa!, 1));
        changes.Add(SessionChange.Join(tom!, 2));
        Assert.Null(live.ChooseTeam(léa!.Id, 2));
        changes.Add(SessionChange.TeamChosen(léa.Id, 2, 3));
        foreach (var command in new HostCommand[] { new RenameTeamCommand(2, "Les castors"), new SetExtraTimeCommand(tom!.Id, 50, 0), new StartCommand() })
        {
            Assert.Null(SessionCommands.Apply(live, command, Start.AddSeconds(1)));
            changes.Add(SessionChange.Host(command, Start.AddSeconds(1), changes.Count + 1));
        }
        var answer = live.SubmitAnswer(léa.Id, 0, "a-1", new Answer { Choices = [1] }, Start.AddSeconds(5));
        changes.Add(SessionChange.Answered(léa.Id, 0, answer.Answer!, 7));
        Assert.True(live.Tick(Start.AddMinutes(5)));
        changes.Add(SessionChange.Ticked(Start.AddMinutes(5), 8));

        var replayed = GameSession.Create(live.Id, "123456", quiz, options, "host", Start);
        foreach (var change in changes.Select(c => JsonSerializer.Deserialize<SessionChange>(JsonSerializer.Serialize(c, Options), Options)!))
            Assert.True(change.ApplyTo(replayed), change.GetType().Name);

        Assert.Equal(JsonSerializer.Serialize(live, Options), JsonSerializer.Serialize(replayed, Options));
    }

    private static HashSet<Type> ConcreteSubtypesOf<T>() =>
        typeof(T).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(T)) && !t.IsAbstract).ToHashSet();
}
