using System.Data.Common;
using System.Globalization;
using Orleans.Storage;

namespace LearnGame.Storage.Batching;

/// <summary>
/// Writes many grains' writes in one transaction of ours, beside Orleans' provider, which stays the provider of record.
/// Only writes of Guid-keyed grains take this path: their row is found by the identity columns alone (state name,
/// service, the Guid's two halves, no extension). An update does the same compare-and-bump on Version as the provider's
/// WriteToStorageKey query. A dialect that takes first writes too (<see cref="SqliteUpdateBatch"/>) inserts them with
/// the provider's hashes (<see cref="ProviderHashes"/>); other keys and clears go through the provider. A write whose
/// COMMIT got no answer is settled by the next write of the same state (<see cref="Unsettled"/>).
/// </summary>
public abstract class UpdateBatch
{
    private readonly string _connectionString;
    private readonly LearnGameStateSerializer _serializer;
    private readonly ProviderHashes? _firstWrites;

    /// <param name="firstWrites">The hashes a first write's row is inserted with; null when first writes go to the provider.</param>
    private protected UpdateBatch(string connectionString, string serviceId, LearnGameStateSerializer serializer, ProviderHashes? firstWrites) =>
        (_connectionString, ServiceId, _serializer, _firstWrites) = (connectionString, serviceId, serializer, firstWrites);

    /// <summary>
    /// True when the database takes one writer at a time (SQLite): then every write, not only these, waits for its turn.
    /// Otherwise the provider's writes run concurrently with these transactions.
    /// </summary>
    public abstract bool OneWriterOnly { get; }

    /// <summary>The database these transactions are written to.</summary>
    internal string ConnectionString => _connectionString;

    /// <summary>The service whose rows these are (part of every row's identity).</summary>
    private protected string ServiceId { get; }

    /// <summary>Transactions committed, for tests and metrics.</summary>
    public long Transactions { get; private set; }

    /// <summary>One write waiting for its turn: an update from <paramref name="Version"/>, or a first write (<see cref="Insert"/>).</summary>
    public sealed record Item(string StateName, long N0, long N1, int Version, Func<byte[]> Payload, Action<int> Stored, Action<Exception> Failed)
    {
        /// <summary>For a first write, the hashes its row is inserted with (<see cref="Version"/> is then 0); null for an update.</summary>
        internal RowHashes? Insert { get; init; }

        /// <summary>When the update was asked for: its wait for a transaction is measured from here.</summary>
        public long AskedAt { get; } = System.Diagnostics.Stopwatch.GetTimestamp();

        /// <summary>The grain state this update writes, which an unsettled earlier write of it is kept for.</summary>
        internal object? Owner { get; init; }

        /// <summary>An earlier write of the same state from the same version whose outcome is unknown.</summary>
        internal Unsettled? Doubt { get; init; }
    }

    /// <summary>
    /// A write whose COMMIT was sent but whose answer never came back (the connection broke, the database stopped): the
    /// row may hold it or not. The grain was told it failed and kept its version (<paramref name="From"/>, its ETag; null
    /// for a first write, see <see cref="SettleFirstWriteAsync"/>), so its next write would fail on the version check
    /// forever if that write had been stored. That next write settles it, in its own transaction: a row still at
    /// <paramref name="Version"/> (the version the write updated from) never took it; a row one version on, holding
    /// exactly <paramref name="Payload"/>, took it, and the update goes on from there; anything else is another
    /// writer's, and stays a conflict.
    /// </summary>
    internal sealed record Unsettled(int? From, int Version, byte[] Payload);

    // Per grain state object, so it goes with the activation that holds it.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, Unsettled> _unsettled = new();

    /// <summary>Records that a write of <paramref name="owner"/> may or may not be stored.</summary>
    internal void KeepUnsettled(object owner, Unsettled write) => _unsettled.AddOrUpdate(owner, write);

    /// <summary>Records that a first write of <paramref name="owner"/>'s state, with these bytes, may or may not be stored.</summary>
    internal void KeepUnsettledFirstWrite(object owner, byte[] payload) => KeepUnsettled(owner, new Unsettled(null, 0, payload));

    /// <summary>Records that a first write of <paramref name="grainState"/> through the provider failed and may be stored.</summary>
    internal void KeepUnsettledFirstWrite<T>(IGrainState<T> grainState) =>
        KeepUnsettledFirstWrite(grainState, Bytes(_serializer.Serialize(grainState.State)));

    /// <summary>
    /// Before a first write of <paramref name="grainState"/>: when an earlier one got no answer and its row holds exactly
    /// that write, the state takes the row's version, and this write becomes an update of it. Without it, the provider's
    /// insert would find the row and fail on the version check at every retry. Guid keys only, as the updates.
    /// </summary>
    internal async Task SettleFirstWriteAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (grainState.ETag is not null || !_unsettled.TryGetValue(grainState, out var doubt) || doubt.From is not null) return;
        if (!Guid.TryParse(grainId.Key.ToString(), out var guid))
        {
            _unsettled.Remove(grainState);
            return;
        }
        var (n0, n1) = Halves(guid);
        var row = await Task.Run(() =>
        {
            using var connection = Open();
            return ReadRow(connection, null, stateName, n0, n1);
        });
        _unsettled.Remove(grainState);
        if (row is { Payload: { } payload } && payload.AsSpan().SequenceEqual(doubt.Payload))
        {
            grainState.ETag = row.Value.Version.ToString(CultureInfo.InvariantCulture);
            grainState.RecordExists = true;
        }
    }

    /// <summary>An open connection to this batch's database.</summary>
    private protected abstract DbConnection Open();

    /// <summary>The version and payload of a Guid-keyed state's row, or null when there is none.</summary>
    private protected abstract (int Version, byte[]? Payload)? ReadRow(DbConnection connection, DbTransaction? transaction, string stateName, long n0, long n1);

    /// <summary>
    /// Runs <paramref name="items"/> in one transaction: each result is the row's new version, or null when the version
    /// check (or, for a first write, the row's absence) failed; <paramref name="committing"/> is called just before COMMIT.
    /// </summary>
    private protected abstract void Write(IReadOnlyList<Item> items, byte[][] payloads, int[] versions, int?[] results, Action committing);

    private static (long N0, long N1) Halves(Guid guid)
    {
        Span<byte> bytes = stackalloc byte[16];
        guid.TryWriteBytes(bytes);
        return (BitConverter.ToInt64(bytes[..8]), BitConverter.ToInt64(bytes[8..]));
    }

    /// <summary>Within the transaction, the version each update with an unsettled earlier write goes from.</summary>
    private protected void Settle(DbConnection connection, DbTransaction transaction, IReadOnlyList<Item> items, int[] versions)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].Doubt is null) continue;
            versions[i] = ReadRow(connection, transaction, items[i].StateName, items[i].N0, items[i].N1) is { } row
                ? Settled(items[i], row.Version, row.Payload)
                : items[i].Version;
        }
    }

    /// <summary>
    /// The update, or the first write when this dialect takes them, for this write; null when it must go through the
    /// provider (another kind of key, a first write the dialect leaves to it).
    /// </summary>
    public Item? For<T>(string stateName, GrainId grainId, IGrainState<T> grainState, Action done, Action<Exception> failed)
    {
        var first = grainState.ETag is null;
        var version = 0;
        if (first ? _firstWrites is null : !int.TryParse(grainState.ETag, NumberStyles.None, CultureInfo.InvariantCulture, out version)) return null;
        // The provider's own reading of a key: a Guid first. A Guid with an extension does not parse and goes to it.
        if (!Guid.TryParse(grainId.Key.ToString(), out var guid)) return null;
        var (n0, n1) = Halves(guid);
        return new Item(stateName, n0, n1, version,
            () => Bytes(_serializer.Serialize(grainState.State)),
            stored =>
            {
                grainState.ETag = stored.ToString(CultureInfo.InvariantCulture);
                grainState.RecordExists = true;
                done();
            },
            failed)
        {
            Owner = grainState,
            // Only while the state holds the version it had then: a state read again since knows where the row stands. A
            // first write's doubt is settled before it is asked for (SettleFirstWriteAsync).
            Doubt = !first && _unsettled.TryGetValue(grainState, out var doubt) && doubt.From == version ? doubt : null,
            Insert = first ? _firstWrites!.Of(stateName, grainId, grainState, guid) : null,
        };
    }

    /// <summary>
    /// The payload's own array when it is the whole of one (the bytes <see cref="SnapshotStorage"/> froze, which nothing
    /// writes to again), a copy otherwise: copying every payload would double the bytes each write allocates.
    /// </summary>
    internal static byte[] Bytes(BinaryData data) =>
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(data.ToMemory(), out var segment)
        && segment is { Array: { } array, Offset: 0 } && segment.Count == array.Length
            ? array
            : data.ToArray();

    /// <summary>Runs the writes in one transaction; each is told whether its row was written, or the transaction's error.</summary>
    public void Run(IReadOnlyList<Item> items)
    {
        var results = new int?[items.Count];
        var payloads = new byte[items.Count][];
        var versions = new int[items.Count];
        for (var i = 0; i < items.Count; i++) (payloads[i], versions[i]) = (items[i].Payload(), items[i].Version);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        foreach (var item in items) StorageMetrics.UpdateWaited(item.AskedAt, started);
        var committing = false;
        try
        {
            Write(items, payloads, versions, results, () => committing = true);
            Transactions++;
            StorageMetrics.TransactionDone(started, items.Count);
        }
        catch (Exception e)
        {
            // Failed before COMMIT, nothing of this transaction is stored. Failed during it, it may be: the next write of
            // each of these states settles which (an earlier doubt stays until then).
            for (var i = 0; i < items.Count; i++)
                if (committing && items[i].Owner is { } owner)
                {
                    if (items[i].Insert is null) KeepUnsettled(owner, new Unsettled(items[i].Version, versions[i], payloads[i]));
                    else KeepUnsettledFirstWrite(owner, payloads[i]);
                }
            foreach (var item in items) item.Failed(e);
            return;
        }
        for (var i = 0; i < items.Count; i++)
        {
            // Settled by this transaction (the table is looked at only where a doubt was found: no lock per update).
            if (items[i] is { Doubt: not null, Owner: { } owner }) _unsettled.Remove(owner);
            if (results[i] is { } stored) items[i].Stored(stored);
            else if (items[i].Insert is not null)
                items[i].Failed(new InconsistentStateException(
                    $"Version conflict writing {items[i].StateName}: a first write found the row already stored.", "unknown", ""));
            else items[i].Failed(new InconsistentStateException(
                $"Version conflict writing {items[i].StateName}: the stored version is not {items[i].Version}.", "unknown",
                items[i].Version.ToString(CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>
    /// The version to update from, given the row's: one on from the unsettled write's when the row holds that write, the
    /// unsettled write's own when it does not (any other stored version then conflicts, as it should).
    /// </summary>
    private static int Settled(Item item, int storedVersion, byte[]? storedPayload) => item.Doubt switch
    {
        { } doubt when storedVersion == doubt.Version + 1 && storedPayload is not null && storedPayload.AsSpan().SequenceEqual(doubt.Payload) => doubt.Version + 1,
        { } doubt => doubt.Version,
        null => item.Version,
    };
}
