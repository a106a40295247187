using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace LearnGame.Storage.Batching;

/// <summary>
/// The shared transactions on SQLite, where every write waits for the one writer anyway: first writes join them too,
/// each inserting its row at version 1 unless it is there already, as the provider's WriteToStorageKey does.
/// </summary>
public sealed class SqliteUpdateBatch(string connectionString, string serviceId, LearnGameStateSerializer serializer, ProviderHashes hashes)
    : UpdateBatch(connectionString, serviceId, serializer, hashes)
{
    private static readonly string UpdateSql = SqlText.Of(SqlText.Sqlite, "Batch.update");
    private static readonly string InsertSql = SqlText.Of(SqlText.Sqlite, "Batch.insert");
    private static readonly string StoredSql = SqlText.Of(SqlText.Sqlite, "Batch.stored");

    /// <summary>With the provider's default hash picker, as a provider named <paramref name="providerName"/> would use it.</summary>
    public SqliteUpdateBatch(string connectionString, string serviceId, LearnGameStateSerializer serializer, string providerName = "")
        : this(connectionString, serviceId, serializer, new ProviderHashes(ProviderHashes.DefaultPicker, serviceId, providerName))
    {
    }

    /// <inheritdoc />
    public override bool OneWriterOnly => true;

    private protected override DbConnection Open()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    private protected override (int Version, byte[]? Payload)? ReadRow(DbConnection connection, DbTransaction? transaction, string stateName, long n0, long n1)
    {
        using var read = new SqliteCommand(StoredSql, (SqliteConnection)connection, (SqliteTransaction?)transaction);
        read.Parameters.AddWithValue("@ServiceId", ServiceId);
        read.Parameters.AddWithValue("@GrainTypeString", stateName);
        read.Parameters.AddWithValue("@GrainIdN0", n0);
        read.Parameters.AddWithValue("@GrainIdN1", n1);
        using var row = read.ExecuteReader();
        return row.Read() ? (row.GetInt32(0), row.IsDBNull(1) ? null : (byte[])row.GetValue(1)) : null;
    }

    private protected override void Write(IReadOnlyList<Item> items, byte[][] payloads, int[] versions, int?[] results, Action committing)
    {
        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        Settle(connection, transaction, items, versions);
        using var update = Prepared(connection, transaction, UpdateSql, "@GrainStateVersion");
        using var insert = items.Any(item => item.Insert is not null) ? Prepared(connection, transaction, InsertSql, "@GrainIdHash", "@GrainTypeHash") : null;
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
    private SqliteCommand Prepared(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] more)
    {
        var command = new SqliteCommand(sql, connection, transaction);
        Parameter(command, "@PayloadBinary", DbType.Binary);
        Parameter(command, "@ServiceId", DbType.String).Value = ServiceId;
        Parameter(command, "@GrainTypeString", DbType.String);
        Parameter(command, "@GrainIdN0", DbType.Int64);
        Parameter(command, "@GrainIdN1", DbType.Int64);
        foreach (var name in more) Parameter(command, name, DbType.Int32);
        command.Prepare();
        return command;
    }

    private static SqliteParameter Parameter(SqliteCommand command, string name, DbType type) =>
        command.Parameters.Add(new SqliteParameter(name, null) { DbType = type });
}
