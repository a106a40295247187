using LearnGame.Domain.Sessions;
using Orleans.Storage;

namespace LearnGame.Grains.Sessions;

/// <summary>
/// How sessions stored before <see cref="RoundRows"/> kept their closed rounds: all of them in one row ("rounds"),
/// rewritten at every close. Still read, so that such sessions come back whole; never written again.
/// </summary>
public sealed class PlayedRounds
{
    public List<Round> Rounds { get; set; } = [];
}

/// <summary>One closed round, as stored in a row of its own.</summary>
public sealed class StoredRound
{
    public Round? Round { get; set; }
}

/// <summary>
/// The closed rounds of a session, kept apart from <see cref="SessionState"/>: each closed round is written once, in a
/// row of its own ("<c>{name}-0</c>", "<c>{name}-1</c>"… of the session's storage), so a close writes one round's
/// answers whatever the game's length (one row holding them all was 1.8 MB by the fifth question of 2,000 learners).
/// The session's own state says how many of them it counts (<see cref="GameSession.RoundsStoredApart"/>).
/// <para>
/// Rows are written in order, each after the one before, so the stored ones are always the leading rounds. A session
/// stored by an earlier version keeps its first rounds in the single "rounds" row (<see cref="PlayedRounds"/>); rows of
/// its own then start after those.
/// </para>
/// Not thread-safe: it runs on the grain's scheduler, one write at a time.
/// </summary>
public sealed class RoundRows(IGrainStorage storage, GrainId grainId, string name)
{
    private readonly List<GrainState<StoredRound>> _rows = [];
    private int _first;

    public static string RowName(string name, int index) => $"{name}-{index}";

    /// <summary>How many rounds are stored, counting those of the earlier single row.</summary>
    public int Count => _first + _rows.Count(r => r.RecordExists);

    /// <summary>
    /// Reads the stored rounds: <paramref name="earlier"/> (the single row of an earlier version, empty for newer
    /// sessions), then each row of its own, in order, up to the first one missing.
    /// </summary>
    public async Task<IReadOnlyList<Round>> LoadAsync(IReadOnlyList<Round> earlier)
    {
        _rows.Clear();
        _first = earlier.Count;
        var rounds = earlier.ToList();
        while (true)
        {
            var row = new GrainState<StoredRound>(new StoredRound());
            await storage.ReadStateAsync(RowName(name, _first + _rows.Count), grainId, row);
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
            var slot = index - _first;
            while (_rows.Count <= slot) _rows.Add(new GrainState<StoredRound>(new StoredRound()));
            var row = _rows[slot];
            row.State = new StoredRound { Round = rounds[index] };
            await storage.WriteStateAsync(RowName(name, index), grainId, row);
        }
    }

    /// <summary>Clears every row of its own (the caller clears the earlier single row).</summary>
    public async Task ClearAsync()
    {
        for (var slot = _rows.Count - 1; slot >= 0; slot--)
            if (_rows[slot].RecordExists) await storage.ClearStateAsync(RowName(name, _first + slot), grainId, _rows[slot]);
        _rows.Clear();
    }
}
