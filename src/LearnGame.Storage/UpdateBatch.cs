using System.Data;
using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using Orleans.Storage;

namespace LearnGame.Storage;

/// <summary>
/// Writes many grains' writes in one transaction of ours, on SQLite or PostgreSQL. On SQLite, measured apart, an
/// update in autocommit costs 0.27 ms and one among 400 in a transaction 0.016 ms; on PostgreSQL with fsync on, each
/// transaction waits for its commit to reach the disk. The per-write path through Orleans' provider cost far more (see
/// docs/benchmarks.md). Only writes of Guid-keyed grains take this path: their row is found by the identity columns
/// alone (state name, service, the Guid's two halves, no extension). An update does the same compare-and-bump on Version
/// as our WriteToStorageKey query. On SQLite, where every write waits for the one writer anyway, a first write joins
/// the transaction too: it inserts the row at version 1 unless it is there already, as that query does, with the key's
/// and the state name's hashes computed by the provider's own hash picker (our queries never read them, the provider's
/// contract has them stored). On PostgreSQL first writes go to the provider at once, alongside the writer's
/// transactions (in the writer's turn they were no faster, measured). Other keys and clears go through the provider. A
/// write whose COMMIT got no answer is settled by the next write of the same state (<see cref="Unsettled"/>).
/// </summary>
public sealed class UpdateBatch
{
    private const string SqliteUpdate = """
        UPDATE OrleansStorage
        SET PayloadBinary = @PayloadBinary, ModifiedOn = CURRENT_TIMESTAMP, Version = Version + 1
        WHERE ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
          AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
          AND GrainIdExtensionString IS NULL AND COALESCE(GrainIdExtensionString, X'') = X''
          AND Version = @GrainStateVersion
        RETURNING Version AS NewGrainStateVersion;
        """;

    // Positional parameters: $1 payload, $2 service, $3 state name, $4 and $5 the Guid's halves, $6 the expected version.
    private const string PostgresUpdate = """
        UPDATE orleansstorage
        SET payloadbinary = $1, modifiedon = now(), version = version + 1
        WHERE serviceid = $2 AND graintypestring = $3
          AND grainidn0 = $4 AND grainidn1 = $5
          AND grainidextensionstring IS NULL
          AND version = $6
        RETURNING version AS NewGrainStateVersion;
        """;

    // A first write: the row at version 1, unless one with this identity is there already (then no row comes back).
    private const string SqliteInsert = """
        INSERT INTO OrleansStorage
            (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, GrainIdExtensionString, ServiceId, PayloadBinary, Version)
        VALUES (@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString, NULL, @ServiceId, @PayloadBinary, 1)
        ON CONFLICT DO NOTHING
        RETURNING Version AS NewGrainStateVersion;
        """;

    // The row's version and payload, for a write whose outcome is unknown (see Unsettled).
    private const string SqliteStored = """
        SELECT Version, PayloadBinary FROM OrleansStorage
        WHERE ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
          AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
          AND GrainIdExtensionString IS NULL AND COALESCE(GrainIdExtensionString, X'') = X'';
        """;

    private const string PostgresStored = """
        SELECT version, payloadbinary FROM orleansstorage
        WHERE serviceid = $1 AND graintypestring = $2 AND grainidn0 = $3 AND grainidn1 = $4
          AND grainidextensionstring IS NULL;
        """;

    private readonly string _connectionString;
    private readonly bool _postgres;
    private readonly string _serviceId;
    private readonly LearnGameStateSerializer _serializer;
    private readonly IStorageHasherPicker _hashes;
    private readonly string _providerName;

    private UpdateBatch(string connectionString, bool postgres, string serviceId, LearnGameStateSerializer serializer, IStorageHasherPicker? hashes, string providerName) =>
        (_connectionString, _postgres, _serviceId, _serializer, _hashes, _providerName) =
        (connectionString, postgres, serviceId, serializer, hashes ?? DefaultHashes, providerName);

    /// <summary>The hash picker Orleans' provider uses when its options name none.</summary>
    public static IStorageHasherPicker DefaultHashes { get; } = new StorageHasherPicker([new OrleansDefaultHasher()]);

    /// <param name="hashes">The provider's hash picker (<see cref="AdoNetGrainStorage.HashPicker"/>), so that a first
    /// write stores the hashes the provider would; its default when null.</param>
    /// <param name="providerName">The provider's name, as it gives it to its hash picker.</param>
    public static UpdateBatch ForSqlite(string connectionString, string serviceId, LearnGameStateSerializer serializer,
        IStorageHasherPicker? hashes = null, string providerName = "") =>
        new(connectionString, postgres: false, serviceId, serializer, hashes, providerName);

    /// <summary>On PostgreSQL only updates share the transactions (first writes go to the provider), so no hash is computed here.</summary>
    public static UpdateBatch ForPostgres(string connectionString, string serviceId, LearnGameStateSerializer serializer) =>
        new(connectionString, postgres: true, serviceId, serializer, null, "");

    /// <summary>
    /// True when the database takes one writer at a time (SQLite): then every write, not only these, waits for its turn,
    /// and first writes share the transactions. PostgreSQL takes first writes, other keys' writes and clears from the
    /// provider concurrently.
    /// </summary>
    public bool OneWriterOnly => !_postgres;

    /// <summary>The database these transactions are written to.</summary>
    internal string ConnectionString => _connectionString;

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
    /// for a first write, see <see cref="SettleFirstWriteAsync"/>), so
    /// its next write would fail on the version check forever if that write had been stored. That next write settles
    /// it, in its own transaction: a row still at <paramref name="Version"/> (the version the write updated from) never
    /// took it; a row one version on, holding exactly <paramref name="Payload"/>, took it, and the update goes on from
    /// there; anything else is another writer's, and stays a conflict.
    /// </summary>
    internal sealed record Unsettled(int? From, int Version, byte[] Payload);

    /// <summary>The provider's hashes of a row's grain key and state name, stored with it when it is inserted.</summary>
    internal readonly record struct RowHashes(int GrainIdHash, int GrainTypeHash);

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

    private DbConnection Open()
    {
        DbConnection connection = _postgres ? new NpgsqlConnection(_connectionString) : new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private static (long N0, long N1) Halves(Guid guid)
    {
        Span<byte> bytes = stackalloc byte[16];
        guid.TryWriteBytes(bytes);
        return (BitConverter.ToInt64(bytes[..8]), BitConverter.ToInt64(bytes[8..]));
    }

    /// <summary>The version and payload of a Guid-keyed state's row, or null when there is none.</summary>
    private (int Version, byte[]? Payload)? ReadRow(DbConnection connection, DbTransaction? transaction, string stateName, long n0, long n1)
    {
        using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = _postgres ? PostgresStored : SqliteStored;
        (string Name, object Value)[] parameters = [("@ServiceId", _serviceId), ("@GrainTypeString", stateName), ("@GrainIdN0", n0), ("@GrainIdN1", n1)];
        foreach (var (name, value) in parameters)
        {
            var parameter = read.CreateParameter();
            if (!_postgres) parameter.ParameterName = name; // PostgreSQL's are positional: $1…$4 in this order
            parameter.Value = value;
            read.Parameters.Add(parameter);
        }
        using var row = read.ExecuteReader();
        return row.Read() ? (row.GetInt32(0), row.IsDBNull(1) ? null : (byte[])row.GetValue(1)) : null;
    }

    /// <summary>Within the transaction, the version each update with an unsettled earlier write goes from.</summary>
    private void Settle(DbConnection connection, DbTransaction transaction, IReadOnlyList<Item> items, int[] versions)
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
    /// The update, or on SQLite the first write, for this write; null when it must go through the provider (another kind
    /// of key, a first write on PostgreSQL).
    /// </summary>
    public Item? For<T>(string stateName, GrainId grainId, IGrainState<T> grainState, Action done, Action<Exception> failed)
    {
        var first = grainState.ETag is null;
        var version = 0;
        if (first ? !OneWriterOnly : !int.TryParse(grainState.ETag, NumberStyles.None, CultureInfo.InvariantCulture, out version)) return null;
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
            Insert = first ? Hashes(stateName, grainId, grainState, guid) : null,
        };
    }

    /// <summary>
    /// The hashes the provider stores with a Guid-keyed row: its picker's hasher over the Guid's bytes in reverse order
    /// (the provider reverses a key's bytes on a little-endian machine) and over the state name's UTF-8 bytes.
    /// </summary>
    private RowHashes Hashes<T>(string stateName, GrainId grainId, IGrainState<T> grainState, Guid guid)
    {
        var hasher = _hashes.PickHasher(_serviceId, _providerName, stateName, grainId, grainState)
            ?? throw new InvalidOperationException($"The storage's hash picker gave no hash function for {stateName}.");
        var key = guid.ToByteArray();
        if (BitConverter.IsLittleEndian) Array.Reverse(key);
        return new RowHashes(hasher.Hash(key), hasher.Hash(System.Text.Encoding.UTF8.GetBytes(stateName)));
    }

    /// <summary>
    /// The payload's own array when it is the whole of one (the bytes <see cref="SnapshotStorage"/> froze, which nothing
    /// writes to again), a copy otherwise. Copying every payload doubled the bytes a journal write allocated: at 10,000
    /// learners, 100 MB in 20 s, the largest single allocation of the server (profiled, docs/benchmarks.md).
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
            if (_postgres) RunPostgres(items, payloads, versions, results, () => committing = true);
            else RunSqlite(items, payloads, versions, results, () => committing = true);
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

    private void RunSqlite(IReadOnlyList<Item> items, byte[][] payloads, int[] versions, int?[] results, Action committing)
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        Settle(connection, transaction, items, versions);
        using var update = SqliteCommand(connection, transaction, SqliteUpdate, "@GrainStateVersion");
        using var insert = items.Any(item => item.Insert is not null) ? SqliteCommand(connection, transaction, SqliteInsert, "@GrainIdHash", "@GrainTypeHash") : null;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var command = item.Insert is null ? update : insert!;
            command.Parameters["@PayloadBinary"].Value = payloads[i];
            command.Parameters["@GrainTypeString"].Value = item.StateName;
            command.Parameters["@GrainIdN0"].Value = item.N0;
            command.Parameters["@GrainIdN1"].Value = item.N1;
            if (item.Insert is { } row) (command.Parameters["@GrainIdHash"].Value, command.Parameters["@GrainTypeHash"].Value) = (row.GrainIdHash, row.GrainTypeHash);
            else command.Parameters["@GrainStateVersion"].Value = versions[i];
            results[i] = command.ExecuteScalar() is long stored ? (int)stored : null;
        }
        committing();
        transaction.Commit();
    }

    /// <summary>A prepared statement of the transaction, with the identity's parameters and <paramref name="more"/> (integers).</summary>
    private SqliteCommand SqliteCommand(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] more)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        Parameter(command, "@PayloadBinary", DbType.Binary);
        Parameter(command, "@ServiceId", DbType.String).Value = _serviceId;
        Parameter(command, "@GrainTypeString", DbType.String);
        Parameter(command, "@GrainIdN0", DbType.Int64);
        Parameter(command, "@GrainIdN1", DbType.Int64);
        foreach (var name in more) Parameter(command, name, DbType.Int32);
        command.Prepare();
        return command;
    }

    /// <summary>Every update of the transaction in one round trip (a batch of statements), then one commit (first writes go to the provider).</summary>
    private void RunPostgres(IReadOnlyList<Item> items, byte[][] payloads, int[] versions, int?[] results, Action committing)
    {
        using var connection = new NpgsqlConnection(_connectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        Settle(connection, transaction, items, versions);
        using (var batch = new NpgsqlBatch(connection, transaction))
        {
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                var update = new NpgsqlBatchCommand(PostgresUpdate);
                update.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bytea, Value = payloads[i] });
                update.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text, Value = _serviceId });
                update.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text, Value = item.StateName });
                update.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint, Value = item.N0 });
                update.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint, Value = item.N1 });
                update.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer, Value = versions[i] });
                batch.BatchCommands.Add(update);
            }
            using var reader = batch.ExecuteReader();
            for (var i = 0; i < items.Count; i++)
            {
                results[i] = reader.Read() ? reader.GetInt32(0) : null;
                reader.NextResult();
            }
        }
        committing();
        transaction.Commit();
    }

    private static DbParameter Parameter(DbCommand command, string name, DbType type)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
