using LearnGame.Domain.Sessions;
using Orleans.Storage;

namespace LearnGame.Grains.Persistence;

/// <summary>One closed round, as stored in a row of its own.</summary>
public sealed class StoredRound
{
    public Round? Round { get; set; }
}

/// <summary>
/// The closed rounds of a session, kept apart from its own state: each closed round is written once, in a row of its
/// own ("<c>{name}-0</c>", "<c>{name}-1</c>"… of the session's storage), so a close writes one round's answers whatever
/// the game's length. Rows are written in order, each after the one before, so the stored ones are always the leading
/// rounds. Not thread-safe: it runs on the grain's scheduler, one write at a time.
/// </summary>
public sealed class RoundRows(IGrainStorage storage, GrainId grainId, string name)
{
    private readonly List<GrainState<StoredRound>> _rows = [];

    public static string RowName(string name, int index) => $"{name}-{index}";

    /// <summary>How many rounds are stored.</summary>
    public int Count => _rows.Count(r => r.RecordExists);

    /// <summary>Reads the stored rounds, in order, up to the first row missing.</summary>
    public async Task<IReadOnlyList<Round>> LoadAsync()
    {
        _rows.Clear();
        var rounds = new List<Round>();
        while (true)
        {
            var row = new GrainState<StoredRound>(new StoredRound());
            await storage.ReadStateAsync(RowName(name, _rows.Count), grainId, row);
            if (!row.RecordExists || row.State?.Round is not { } round) break;
            _rows.Add(row);
            rounds.Add(round);
        }
        return rounds;
    }

    /// <summary>Stores the closed rounds <paramref name="rounds"/>[stored count .. <paramref name="count"/>), one row each.</summary>
    public async Task WriteAsync(IReadOnlyList<Round> rounds, int count)
    {
        for (var index = Count; index < count; index++)
        {
            while (_rows.Count <= index) _rows.Add(new GrainState<StoredRound>(new StoredRound()));
            var row = _rows[index];
            row.State = new StoredRound { Round = rounds[index] };
            await storage.WriteStateAsync(RowName(name, index), grainId, row);
        }
    }

    /// <summary>Clears every stored row.</summary>
    public async Task ClearAsync()
    {
        for (var index = _rows.Count - 1; index >= 0; index--)
            if (_rows[index].RecordExists) await storage.ClearStateAsync(RowName(name, index), grainId, _rows[index]);
        _rows.Clear();
    }
}
