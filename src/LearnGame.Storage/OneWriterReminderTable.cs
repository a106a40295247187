namespace LearnGame.Storage;

/// <summary>
/// Orleans' ADO.NET reminder table on SQLite, with its writes taking their turn in the grain storage's one writer
/// (<see cref="OneWriterStorage"/>). Left to itself the table writes through a connection of its own, so a reminder
/// registered while the writer commits finds the database busy, and Microsoft.Data.Sqlite waits for it by blocking its
/// thread, delaying every session still playing. Reads go straight through.
/// </summary>
public sealed class OneWriterReminderTable(IReminderTable inner, OneWriterStorage writer) : IReminderTable
{
    // Orleans 10.4.2 calls StartAsync, which the ADO.NET table leaves to its Init; forwarded too, so that a caller of the
    // obsolete Init never gets the interface's empty default instead of the table's queries.
#pragma warning disable CS0618
    public Task Init() => inner.Init();
#pragma warning restore CS0618

    public Task StartAsync(CancellationToken cancellationToken) => inner.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => inner.StopAsync(cancellationToken);

    public Task<ReminderTableData> ReadRows(GrainId grainId) => inner.ReadRows(grainId);

    public Task<ReminderTableData> ReadRows(GrainId grainId, CancellationToken cancellationToken) => inner.ReadRows(grainId, cancellationToken);

    public Task<ReminderTableData> ReadRows(uint begin, uint end) => inner.ReadRows(begin, end);

    public Task<ReminderTableData> ReadRows(uint begin, uint end, CancellationToken cancellationToken) => inner.ReadRows(begin, end, cancellationToken);

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) => inner.ReadRow(grainId, reminderName);

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName, CancellationToken cancellationToken) =>
        inner.ReadRow(grainId, reminderName, cancellationToken);

    public Task<string?> UpsertRow(ReminderEntry entry) => writer.InTurn(() => inner.UpsertRow(entry));

    public Task<string?> UpsertRow(ReminderEntry entry, CancellationToken cancellationToken) =>
        writer.InTurn(() => inner.UpsertRow(entry, cancellationToken));

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) =>
        writer.InTurn(() => inner.RemoveRow(grainId, reminderName, eTag));

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken) =>
        writer.InTurn(() => inner.RemoveRow(grainId, reminderName, eTag, cancellationToken));

    public Task TestOnlyClearTable() => writer.InTurn(async () =>
    {
        await inner.TestOnlyClearTable();
        return true;
    });

    public Task TestOnlyClearTable(CancellationToken cancellationToken) => writer.InTurn(async () =>
    {
        await inner.TestOnlyClearTable(cancellationToken);
        return true;
    });
}
