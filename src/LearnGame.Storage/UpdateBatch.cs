using System.Data;
using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using Orleans.Storage;

namespace LearnGame.Storage;

/// <summary>
/// Writes many grains' updates in one transaction of ours, on SQLite or PostgreSQL. On SQLite, measured apart, an
/// update in autocommit costs 0.27 ms and one among 400 in a transaction 0.016 ms; on PostgreSQL with fsync on, each
/// transaction waits for its commit to reach the disk. The per-write path through Orleans' provider cost far more (see
/// docs/benchmarks.md). Only updates of Guid-keyed grains take this path: their row is found by the identity columns
/// alone (state name, service, the Guid's two halves, no extension), with the same compare-and-bump on Version as our
/// WriteToStorageKey query, so no hash of the provider's needs recomputing. First writes, other keys and clears go
/// through the provider.
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

    private readonly string _connectionString;
    private readonly bool _postgres;
    private readonly string _serviceId;
    private readonly LearnGameStateSerializer _serializer;

    private UpdateBatch(string connectionString, bool postgres, string serviceId, LearnGameStateSerializer serializer) =>
        (_connectionString, _postgres, _serviceId, _serializer) = (connectionString, postgres, serviceId, serializer);

    public static UpdateBatch ForSqlite(string connectionString, string serviceId, LearnGameStateSerializer serializer) =>
        new(connectionString, postgres: false, serviceId, serializer);

    public static UpdateBatch ForPostgres(string connectionString, string serviceId, LearnGameStateSerializer serializer) =>
        new(connectionString, postgres: true, serviceId, serializer);

    /// <summary>
    /// True when the database takes one writer at a time (SQLite): then every write, not only these updates, waits for
    /// its turn. PostgreSQL takes first writes and clears from the provider concurrently.
    /// </summary>
    public bool OneWriterOnly => !_postgres;

    /// <summary>The database these transactions are written to.</summary>
    internal string ConnectionString => _connectionString;

    /// <summary>Transactions committed, for tests and metrics.</summary>
    public long Transactions { get; private set; }

    /// <summary>One update waiting for its turn.</summary>
    public sealed record Item(string StateName, long N0, long N1, int Version, Func<byte[]> Payload, Action<int> Stored, Action<Exception> Failed)
    {
        /// <summary>When the update was asked for: its wait for a transaction is measured from here.</summary>
        public long AskedAt { get; } = System.Diagnostics.Stopwatch.GetTimestamp();
    }

    /// <summary>The update for this write, or null when it must go through the provider (a first write, another kind of key).</summary>
    public Item? For<T>(string stateName, GrainId grainId, IGrainState<T> grainState, Action done, Action<Exception> failed)
    {
        if (grainState.ETag is not { } etag || !int.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var version)) return null;
        // The provider's own reading of a key: a Guid first. A Guid with an extension does not parse and goes to it.
        if (!Guid.TryParse(grainId.Key.ToString(), out var guid)) return null;
        Span<byte> bytes = stackalloc byte[16];
        guid.TryWriteBytes(bytes);
        return new Item(stateName, BitConverter.ToInt64(bytes[..8]), BitConverter.ToInt64(bytes[8..]), version,
            () => Bytes(_serializer.Serialize(grainState.State)),
            stored =>
            {
                grainState.ETag = stored.ToString(CultureInfo.InvariantCulture);
                grainState.RecordExists = true;
                done();
            },
            failed);
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

    /// <summary>Runs the updates in one transaction; each is told whether its row was updated, or the transaction's error.</summary>
    public void Run(IReadOnlyList<Item> items)
    {
        var results = new int?[items.Count];
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        foreach (var item in items) StorageMetrics.UpdateWaited(item.AskedAt, started);
        try
        {
            if (_postgres) RunPostgres(items, results);
            else RunSqlite(items, results);
            Transactions++;
            StorageMetrics.TransactionDone(started, items.Count);
        }
        catch (Exception e)
        {
            // Nothing of this transaction is stored: every write in it fails and is retried by its grain.
            foreach (var item in items) item.Failed(e);
            return;
        }
        for (var i = 0; i < items.Count; i++)
        {
            if (results[i] is { } stored) items[i].Stored(stored);
            else items[i].Failed(new InconsistentStateException(
                $"Version conflict writing {items[i].StateName}: the stored version is not {items[i].Version}.", "unknown",
                items[i].Version.ToString(CultureInfo.InvariantCulture)));
        }
    }

    private void RunSqlite(IReadOnlyList<Item> items, int?[] results)
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = SqliteUpdate;
        var payload = Parameter(command, "@PayloadBinary", DbType.Binary);
        var service = Parameter(command, "@ServiceId", DbType.String);
        var state = Parameter(command, "@GrainTypeString", DbType.String);
        var n0 = Parameter(command, "@GrainIdN0", DbType.Int64);
        var n1 = Parameter(command, "@GrainIdN1", DbType.Int64);
        var version = Parameter(command, "@GrainStateVersion", DbType.Int32);
        service.Value = _serviceId;
        command.Prepare();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            payload.Value = item.Payload();
            state.Value = item.StateName;
            n0.Value = item.N0;
            n1.Value = item.N1;
            version.Value = item.Version;
            results[i] = command.ExecuteScalar() is long stored ? (int)stored : null;
        }
        transaction.Commit();
    }

    /// <summary>Every update of the transaction in one round trip (a batch of statements), then one commit.</summary>
    private void RunPostgres(IReadOnlyList<Item> items, int?[] results)
    {
        using var connection = new NpgsqlConnection(_connectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using (var batch = new NpgsqlBatch(connection, transaction))
        {
            foreach (var item in items)
            {
                var update = new NpgsqlBatchCommand(PostgresUpdate);
                update.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bytea, Value = item.Payload() });
                update.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text, Value = _serviceId });
                update.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text, Value = item.StateName });
                update.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint, Value = item.N0 });
                update.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint, Value = item.N1 });
                update.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer, Value = item.Version });
                batch.BatchCommands.Add(update);
            }
            using var reader = batch.ExecuteReader();
            for (var i = 0; i < items.Count; i++)
            {
                results[i] = reader.Read() ? reader.GetInt32(0) : null;
                reader.NextResult();
            }
        }
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
