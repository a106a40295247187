using System.Text.Json;
using LearnGame.Grains.Abstractions.Sessions;
using LearnGame.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace LearnGame.FunctionalTests.Grains;

/// <summary>A trainer's commands: one type per action, each carrying only its own fields, through Orleans and as stored JSON.</summary>
[Collection(ClusterCollection.Name)]
public sealed class HostCommandTests(ClusterFixture fixture)
{
    private static readonly JsonSerializerOptions Options = LearnGameStateSerializer.DefaultOptions;

    /// <summary>One of each command, with every field it has set to something other than its default.</summary>
    public static readonly HostCommand[] Commands =
    [
        new StartCommand(), new KickCommand(3), new LockCommand(), new UnlockCommand(), new PauseCommand(), new ResumeCommand(),
        new RevealCommand(), new SkipCommand(), new NextCommand(), new EndCommand(), new MoveToTeamCommand(2, 1),
        new RenameTeamCommand(1, "Les castors"), new SetExtraTimeCommand(2, 50, 10),
    ];

    [Fact]
    public void The_list_above_holds_one_of_every_command() =>
        Assert.Equal(typeof(HostCommand).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(HostCommand)) && !t.IsAbstract).ToHashSet(),
            Commands.Select(c => c.GetType()).ToHashSet());

    [Fact]
    public void Each_command_names_its_own_action_and_every_action_has_one_command() =>
        Assert.Equal(Enum.GetValues<HostAction>().Order(), Commands.Select(c => c.Action).Order());

    [Fact]
    public void Every_command_reads_back_from_json_equal_to_itself()
    {
        foreach (var command in Commands)
            Assert.Equal(command, JsonSerializer.Deserialize<HostCommand>(JsonSerializer.Serialize(command, Options), Options));
    }

    [Fact]
    public void A_command_is_stored_with_its_action_first_and_only_its_own_fields()
    {
        Assert.Equal("""{"action":"start"}""", JsonSerializer.Serialize<HostCommand>(new StartCommand(), Options));
        Assert.Equal("""{"action":"setExtraTime","seatId":2,"percent":50,"seconds":10}""",
            JsonSerializer.Serialize<HostCommand>(new SetExtraTimeCommand(2, 50, 10), Options));
        Assert.Equal("""{"action":"renameTeam","teamId":1,"name":"Les castors"}""",
            JsonSerializer.Serialize<HostCommand>(new RenameTeamCommand(1, "Les castors"), Options));
    }

    [Fact]
    public void Every_command_crosses_orleans_equal_to_itself()
    {
        var serializer = fixture.Client.ServiceProvider.GetRequiredService<Orleans.Serialization.Serializer>();

        foreach (var command in Commands)
            Assert.Equal(command, serializer.Deserialize<HostCommand>(serializer.SerializeToArray<HostCommand>(command)));
    }
}
