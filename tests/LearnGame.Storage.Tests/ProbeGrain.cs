using Orleans;
using Orleans.Runtime;

namespace LearnGame.Storage.Tests;

/// <summary>The state the probe grain persists.</summary>
public sealed class ProbeState
{
    /// <summary>The last text written.</summary>
    public string? Text { get; set; }

    /// <summary>How many writes this state has seen.</summary>
    public int Writes { get; set; }
}

/// <summary>A grain that exercises its persistent state through LearnGame's storage.</summary>
public interface IProbeGrain : IGrain
{
    /// <summary>Sets the text and writes the state.</summary>
    Task WriteAsync(string text);

    /// <summary>The text held by this activation.</summary>
    Task<string?> ReadAsync();

    /// <summary>Whether storage reported a stored record.</summary>
    Task<bool> RecordExistsAsync();

    /// <summary>Clears the stored state.</summary>
    Task ClearAsync();
}

/// <summary>The probe, addressed by a string key.</summary>
public interface IStringProbeGrain : IProbeGrain, IGrainWithStringKey;

/// <summary>The probe, addressed by a Guid key.</summary>
public interface IGuidProbeGrain : IProbeGrain, IGrainWithGuidKey;

/// <summary>The probe, addressed by an integer key.</summary>
public interface IIntegerProbeGrain : IProbeGrain, IGrainWithIntegerKey;

/// <summary>Persists <see cref="ProbeState"/> under the state name "probe" in the "learngame" storage.</summary>
public sealed class ProbeGrain([PersistentState(ProbeGrain.StateName, LearnGameStorage.Name)] IPersistentState<ProbeState> probe)
    : Grain, IStringProbeGrain, IGuidProbeGrain, IIntegerProbeGrain
{
    /// <summary>The state name, which Orleans stores as GrainTypeString.</summary>
    public const string StateName = "probe";

    /// <inheritdoc />
    public Task WriteAsync(string text)
    {
        probe.State.Text = text;
        probe.State.Writes++;
        return probe.WriteStateAsync();
    }

    /// <inheritdoc />
    public Task<string?> ReadAsync() => Task.FromResult(probe.State.Text);

    /// <inheritdoc />
    public Task<bool> RecordExistsAsync() => Task.FromResult(probe.RecordExists);

    /// <inheritdoc />
    public Task ClearAsync() => probe.ClearStateAsync();
}
