using System.Text.Json.Serialization;

namespace LearnGame.Grains.Abstractions.Sessions;

/// <summary>A trainer's action on the session; each subtype carries only what its action needs.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "action")]
[JsonDerivedType(typeof(StartCommand), "start")]
[JsonDerivedType(typeof(KickCommand), "kick")]
[JsonDerivedType(typeof(LockCommand), "lock")]
[JsonDerivedType(typeof(UnlockCommand), "unlock")]
[JsonDerivedType(typeof(PauseCommand), "pause")]
[JsonDerivedType(typeof(ResumeCommand), "resume")]
[JsonDerivedType(typeof(RevealCommand), "reveal")]
[JsonDerivedType(typeof(SkipCommand), "skip")]
[JsonDerivedType(typeof(NextCommand), "next")]
[JsonDerivedType(typeof(EndCommand), "end")]
[JsonDerivedType(typeof(MoveToTeamCommand), "moveToTeam")]
[JsonDerivedType(typeof(RenameTeamCommand), "renameTeam")]
[JsonDerivedType(typeof(SetExtraTimeCommand), "setExtraTime")]
[GenerateSerializer, Immutable, Alias("lg.HostCommand")]
public abstract record HostCommand
{
    /// <summary>Which action this is, for logs and for the announcements that follow it.</summary>
    [JsonIgnore] public abstract HostAction Action { get; }
}

/// <summary>The name of each trainer's action.</summary>
[GenerateSerializer, Alias("lg.HostAction")]
public enum HostAction { Start, Kick, Lock, Unlock, Pause, Resume, Reveal, Skip, Next, End, MoveToTeam, RenameTeam, SetExtraTime }

/// <summary>Leaves the lobby for the first question.</summary>
[GenerateSerializer, Immutable, Alias("lg.HostCommand.Start")]
public sealed record StartCommand : HostCommand
{
    [JsonIgnore] public override HostAction Action => HostAction.Start;
}

/// <summary>Removes a learner from the session.</summary>
[GenerateSerializer, Immutable, Alias("lg.HostCommand.Kick")]
public sealed record KickCommand([property: Id(0)] int SeatId) : HostCommand
{
    [JsonIgnore] public override HostAction Action => HostAction.Kick;
}

/// <summary>Closes the session to new learners.</summary>
[GenerateSerializer, Immutable, Alias("lg.HostCommand.Lock")]
public sealed record LockCommand : HostCommand
{
    [JsonIgnore] public override HostAction Action => HostAction.Lock;
}

/// <summary>Opens the session to new learners again.</summary>
[GenerateSerializer, Immutable, Alias("lg.HostCommand.Unlock")]
public sealed record UnlockCommand : HostCommand
{
    [JsonIgnore] public override HostAction Action => HostAction.Unlock;
}

/// <summary>Stops the open question's clock.</summary>
[GenerateSerializer, Immutable, Alias("lg.HostCommand.Pause")]
public sealed record PauseCommand : HostCommand
{
    [JsonIgnore] public override HostAction Action => HostAction.Pause;
}

/// <summary>Starts the paused question's clock again.</summary>
[GenerateSerializer, Immutable, Alias("lg.HostCommand.Resume")]
public sealed record ResumeCommand : HostCommand
{
    [JsonIgnore] public override HostAction Action => HostAction.Resume;
}

/// <summary>Closes the open question now and shows its answer.</summary>
[GenerateSerializer, Immutable, Alias("lg.HostCommand.Reveal")]
public sealed record RevealCommand : HostCommand
{
    [JsonIgnore] public override HostAction Action => HostAction.Reveal;
}

/// <summary>Drops the current question unscored.</summary>
[GenerateSerializer, Immutable, Alias("lg.HostCommand.Skip")]
public sealed record SkipCommand : HostCommand
{
    [JsonIgnore] public override HostAction Action => HostAction.Skip;
}

/// <summary>Moves on to the next phase.</summary>
[GenerateSerializer, Immutable, Alias("lg.HostCommand.Next")]
public sealed record NextCommand : HostCommand
{
    [JsonIgnore] public override HostAction Action => HostAction.Next;
}

/// <summary>Ends the game at once.</summary>
[GenerateSerializer, Immutable, Alias("lg.HostCommand.End")]
public sealed record EndCommand : HostCommand
{
    [JsonIgnore] public override HostAction Action => HostAction.End;
}

/// <summary>Puts a learner in another team.</summary>
[GenerateSerializer, Immutable, Alias("lg.HostCommand.MoveToTeam")]
public sealed record MoveToTeamCommand([property: Id(0)] int SeatId, [property: Id(1)] int TeamId) : HostCommand
{
    [JsonIgnore] public override HostAction Action => HostAction.MoveToTeam;
}

/// <summary>Gives a team another name.</summary>
[GenerateSerializer, Immutable, Alias("lg.HostCommand.RenameTeam")]
public sealed record RenameTeamCommand([property: Id(0)] int TeamId, [property: Id(1)] string? Name) : HostCommand
{
    [JsonIgnore] public override HostAction Action => HostAction.RenameTeam;
}

/// <summary>Grants a learner extra time, as a share of each question's time and a number of seconds.</summary>
[GenerateSerializer, Immutable, Alias("lg.HostCommand.SetExtraTime")]
public sealed record SetExtraTimeCommand([property: Id(0)] int SeatId, [property: Id(1)] int Percent, [property: Id(2)] int Seconds) : HostCommand
{
    [JsonIgnore] public override HostAction Action => HostAction.SetExtraTime;
}
