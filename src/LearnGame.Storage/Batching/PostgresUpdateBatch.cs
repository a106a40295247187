using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace LearnGame.Storage.Batching;

/// <summary>
/// The shared transactions on PostgreSQL: only updates take them, every update of one transaction in one round trip
/// (a batch of statements), then one commit. First writes go to the provider at once, alongside these transactions.
/// </summary>
public sealed class PostgresUpdateBatch(string connectionString, string serviceId, LearnGameStateSerializer serializer)
    : UpdateBatch(connectionString, serviceId, serializer, firstWrites: null)
{
    // Positional parameters: $1 payload, $2 service, $3 state name, $4 and $5 the Guid's halves, $6 the expected version.
    private static readonly string UpdateSql = SqlText.Of(SqlText.Postgres, "Batch.update");

    // Positional parameters: $1 service, $2 state name, $3 and $4 the Guid's halves.
    private static readonly string StoredSql = SqlText.Of(SqlText.Postgres, "Batch.stored");

    /// <inheritdoc />
    public override bool OneWriterOnly => false;

    private protected override DbConnection Open()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    private protected override (int Version, byte[]? Payload)? ReadRow(DbConnection connection, DbTransaction? transaction, string stateName, long n0, long n1)
    {
        using var read = new NpgsqlCommand(StoredSql, (NpgsqlConnection)connection, (NpgsqlTransaction?)transaction);
        read.Parameters.Add(new NpgsqlParameter { Value = ServiceId });
        read.Parameters.Add(new NpgsqlParameter { Value = stateName });
        read.Parameters.Add(new NpgsqlParameter { Value = n0 });
        read.Parameters.Add(new NpgsqlParameter { Value = n1 });
        using var row = read.ExecuteReader();
        return row.Read() ? (row.GetInt32(0), row.IsDBNull(1) ? null : (byte[])row.GetValue(1)) : null;
    }

    private protected override void Write(IReadOnlyList<Item> items, byte[][] payloads, int[] versions, int?[] results, Action committing)
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        Settle(connection, transaction, items, versions);
        using (var batch = new NpgsqlBatch(connection, transaction))
        {
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                var update = new NpgsqlBatchCommand(UpdateSql);
                update.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bytea, Value = payloads[i] });
                update.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = ServiceId });
                update.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = item.StateName });
                update.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = item.N0 });
                update.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = item.N1 });
                update.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = versions[i] });
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
}
