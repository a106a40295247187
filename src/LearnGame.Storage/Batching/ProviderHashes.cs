using System.Text;
using Orleans.Storage;

namespace LearnGame.Storage.Batching;

/// <summary>The provider's hashes of a row's grain key and state name, stored with it when it is inserted.</summary>
public readonly record struct RowHashes(int GrainIdHash, int GrainTypeHash);

/// <summary>
/// The hashes Orleans' ADO.NET provider stores with a Guid-keyed row, computed as it computes them, so that a row the
/// batch inserts cannot be told from one the provider inserted (our queries never read them; the provider's contract
/// has them stored).
/// </summary>
/// <param name="picker">The provider's hash picker (<see cref="AdoNetGrainStorage.HashPicker"/>).</param>
/// <param name="providerName">The provider's name, as it gives it to its hash picker.</param>
public sealed class ProviderHashes(IStorageHasherPicker picker, string serviceId, string providerName)
{
    /// <summary>The hash picker Orleans' provider uses when its options name none.</summary>
    public static IStorageHasherPicker DefaultPicker { get; } = new StorageHasherPicker([new OrleansDefaultHasher()]);

    /// <summary>
    /// The hashes of <paramref name="guid"/>, the key of <paramref name="grainId"/>: the picker's hasher over the Guid's
    /// bytes in reverse order (the provider reverses a key's bytes on a little-endian machine) and over the state name's UTF-8 bytes.
    /// </summary>
    public RowHashes Of<T>(string stateName, GrainId grainId, IGrainState<T> grainState, Guid guid)
    {
        var hasher = picker.PickHasher(serviceId, providerName, stateName, grainId, grainState)
            ?? throw new InvalidOperationException($"The storage's hash picker gave no hash function for {stateName}.");
        var key = guid.ToByteArray();
        if (BitConverter.IsLittleEndian) Array.Reverse(key);
        return new RowHashes(hasher.Hash(key), hasher.Hash(Encoding.UTF8.GetBytes(stateName)));
    }
}
