using System.Text;
using LearnGame.Storage.Batching;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.Storage;
using Orleans.TestingHost;

namespace LearnGame.Storage.Tests;

/// <summary>A row of OrleansStorage as the tests inspect it.</summary>
public sealed record StoredRow(string GrainTypeString, string ServiceId, string? Extension, byte[] Payload, long Version);

/// <summary>
/// Drives the real Orleans ADO.NET provider against our schema in a one-silo in-process cluster. Each database runs this
/// one suite through a subclass that says how to register its storage and how to look at its rows.
/// </summary>
public abstract class GrainStorageContractTests : IAsyncLifetime
{
    /// <summary>The ServiceId of every silo in these tests.</summary>
    protected const string ServiceId = "learngame-storage-tests";
    private InProcessTestCluster _cluster = null!;

    /// <summary>Prepares an empty database for one test.</summary>
    protected abstract Task CreateDatabaseAsync();

    /// <summary>Registers LearnGame's storage on the test database as <see cref="LearnGameStorage.Name"/>.</summary>
    protected abstract void AddStorage(ISiloBuilder silo);

    /// <summary>Every row of OrleansStorage.</summary>
    protected abstract Task<IReadOnlyList<StoredRow>> StoredRowsAsync();

    /// <summary>The state name and the two hashes (of the grain key, of the state name) of every row of OrleansStorage.</summary>
    protected abstract Task<IReadOnlyList<(string GrainTypeString, int GrainIdHash, int GrainTypeHash)>> StoredHashesAsync();

    /// <summary>Removes the test database.</summary>
    protected abstract Task DeleteDatabaseAsync();

    public async Task InitializeAsync()
    {
        await CreateDatabaseAsync();
        _cluster = await StartSiloAsync();
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        await DeleteDatabaseAsync();
    }

    [Fact]
    public async Task A_written_state_is_read_back_by_a_fresh_activation()
    {
        var grain = _cluster.Client.GetGrain<IStringProbeGrain>("fresh");
        await grain.WriteAsync("hello");

        await _cluster.DeactivateAsync(grain);

        Assert.Equal("hello", await grain.ReadAsync());
        Assert.True(await grain.RecordExistsAsync());
    }

    [Fact]
    public async Task State_survives_a_silo_restart_on_the_same_database()
    {
        await _cluster.Client.GetGrain<IIntegerProbeGrain>(42).WriteAsync("before restart");

        await _cluster.DisposeAsync();
        _cluster = await StartSiloAsync();

        Assert.Equal("before restart", await _cluster.Client.GetGrain<IIntegerProbeGrain>(42).ReadAsync());
    }

    [Fact]
    public async Task String_guid_and_integer_keys_do_not_collide()
    {
        // One grain type and state name for all: only N0, N1 and the (NULL or not) extension tell these rows apart.
        IProbeGrain[] grains =
        [
            _cluster.Client.GetGrain<IStringProbeGrain>("seven"),
            _cluster.Client.GetGrain<IStringProbeGrain>("Seven"),
            _cluster.Client.GetGrain<IIntegerProbeGrain>(0),
            _cluster.Client.GetGrain<IIntegerProbeGrain>(7),
            _cluster.Client.GetGrain<IGuidProbeGrain>(Guid.NewGuid()),
        ];
        for (var i = 0; i < grains.Length; i++)
        {
            await grains[i].WriteAsync($"grain {i}");
        }

        foreach (var grain in grains)
        {
            await _cluster.DeactivateAsync(grain);
        }

        for (var i = 0; i < grains.Length; i++)
        {
            Assert.Equal($"grain {i}", await grains[i].ReadAsync());
        }
        Assert.Equal(grains.Length, (await StoredRowsAsync()).Count);
    }

    [Fact]
    public async Task String_keys_that_parse_as_the_same_hex_number_share_one_row()
    {
        // An Orleans fact, not ours: the provider parses any key as a Guid, then as hex, before treating it as a string.
        var padded = _cluster.Client.GetGrain<IStringProbeGrain>("00ff");
        var bare = _cluster.Client.GetGrain<IStringProbeGrain>("FF");
        await padded.WriteAsync("padded");

        await bare.WriteAsync("bare");
        await _cluster.DeactivateAsync(padded);

        Assert.Equal("bare", await padded.ReadAsync());
        Assert.Single(await StoredRowsAsync());
    }

    [Fact]
    public async Task Clearing_empties_the_state_and_a_later_write_succeeds()
    {
        var grain = _cluster.Client.GetGrain<IGuidProbeGrain>(Guid.NewGuid());
        await grain.WriteAsync("doomed");

        await grain.ClearAsync();
        Assert.Null(await grain.ReadAsync());
        Assert.False(await grain.RecordExistsAsync());

        await _cluster.DeactivateAsync(grain);
        Assert.Null(await grain.ReadAsync());
        Assert.False(await grain.RecordExistsAsync());

        await grain.WriteAsync("reborn");
        await _cluster.DeactivateAsync(grain);
        Assert.Equal("reborn", await grain.ReadAsync());
    }

    [Fact]
    public async Task Second_write_with_a_stale_etag_is_refused()
    {
        var storage = Storage();
        var id = GrainId.Create("probe", "stale-write");
        var first = new GrainState<ProbeState>(new ProbeState { Text = "v1" });
        await storage.WriteStateAsync(ProbeGrain.StateName, id, first);
        var staleETag = first.ETag;

        await storage.WriteStateAsync(ProbeGrain.StateName, id, new GrainState<ProbeState>(new ProbeState { Text = "v2" }) { ETag = staleETag });
        var late = new GrainState<ProbeState>(new ProbeState { Text = "lost" }) { ETag = staleETag };

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(ProbeGrain.StateName, id, late));
        var read = new GrainState<ProbeState>();
        await storage.ReadStateAsync(ProbeGrain.StateName, id, read);
        Assert.Equal("v2", read.State?.Text);
    }

    [Fact]
    public async Task Clearing_with_a_stale_etag_is_refused()
    {
        var storage = Storage();
        var id = GrainId.Create("probe", "stale-clear");
        var state = new GrainState<ProbeState>(new ProbeState { Text = "v1" });
        await storage.WriteStateAsync(ProbeGrain.StateName, id, state);
        var stale = new GrainState<ProbeState>(new ProbeState()) { ETag = state.ETag, RecordExists = true };
        await storage.WriteStateAsync(ProbeGrain.StateName, id, state);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(ProbeGrain.StateName, id, stale));
    }

    /// <summary>
    /// An integer key has a NULL extension: the case a plain unique index (NULLs distinct) would let through twice; it
    /// goes through the provider. A Guid key's first writes share transactions of ours on SQLite, and may meet in one.
    /// </summary>
    [Theory]
    [InlineData("integer")]
    [InlineData("guid")]
    public async Task First_writes_without_an_etag_leave_exactly_one_winner(string key)
    {
        var storage = Storage();
        var id = key == "guid"
            ? GrainId.Create("probe", Guid.NewGuid().ToString("N"))
            : GrainId.Create(GrainType.Create("probe"), GrainIdKeyExtensions.CreateIntegerKey(7));
        var writes = Enumerable.Range(0, 8)
            .Select(i => Task.Run(() => storage.WriteStateAsync(ProbeGrain.StateName, id, new GrainState<ProbeState>(new ProbeState { Text = $"writer {i}" }))))
            .ToArray();

        await Task.WhenAll(writes).ContinueWith(_ => { }, TaskScheduler.Default);

        _ = Assert.Single(writes, w => w.IsCompletedSuccessfully);
        Assert.All(writes.Where(w => !w.IsCompletedSuccessfully), w => Assert.IsType<InconsistentStateException>(w.Exception!.InnerException));
    }

    [Fact]
    public async Task Stored_rows_hold_the_state_name_the_service_and_readable_json()
    {
        await _cluster.Client.GetGrain<IStringProbeGrain>("json").WriteAsync("héllo");

        var row = Assert.Single(await StoredRowsAsync());
        Assert.Equal((ProbeGrain.StateName, ServiceId, "json"), (row.GrainTypeString, row.ServiceId, row.Extension));
        Assert.Equal("""{"text":"héllo","writes":1}""", Encoding.UTF8.GetString(row.Payload));
        Assert.Equal(1L, row.Version);
    }

    /// <summary>Guid-keyed grains (every session) are written many times; their later writes share transactions.</summary>
    [Fact]
    public async Task Later_writes_of_guid_keyed_grains_at_once_are_each_stored_and_read_back_and_a_stale_one_is_refused()
    {
        var storage = Storage();
        var ids = Enumerable.Range(0, 40).Select(_ => GrainId.Create("probe", Guid.NewGuid().ToString("N"))).ToList();
        var states = ids.Select(_ => new GrainState<ProbeState>(new ProbeState { Text = "first" })).ToList();
        for (var i = 0; i < ids.Count; i++) await storage.WriteStateAsync(ProbeGrain.StateName, ids[i], states[i]);

        for (var round = 1; round <= 3; round++)
        {
            foreach (var state in states) state.State!.Text = $"round {round}";
            await Task.WhenAll(ids.Select((id, i) => storage.WriteStateAsync(ProbeGrain.StateName, id, states[i])));
        }
        var stale = new GrainState<ProbeState>(new ProbeState { Text = "lost" }) { ETag = "1", RecordExists = true };
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(ProbeGrain.StateName, ids[0], stale));

        for (var i = 0; i < ids.Count; i++)
        {
            var read = new GrainState<ProbeState>();
            await storage.ReadStateAsync(ProbeGrain.StateName, ids[i], read);
            Assert.Equal(("round 3", states[i].ETag), (read.State!.Text, read.ETag));
        }
        Assert.Equal(ids.Count, (await StoredRowsAsync()).Count);
        Assert.All(await StoredRowsAsync(), row => Assert.Equal(4L, row.Version));
    }

    /// <summary>
    /// A write whose COMMIT got no answer may be stored or not; the state keeps its old version. Here the row is set
    /// as that write would have left it (one version on, holding its bytes), and the write is recorded as unsettled, as
    /// the batch records it when its commit fails (on PostgreSQL, `A_write_whose_commit_answer_is_lost_leaves_the_next_write_stored` breaks a real one).
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_write_after_one_whose_commit_got_no_answer_is_stored_whether_or_not_that_one_was(bool unsettledWriteStored)
    {
        var (storage, batch) = (Storage(), SiloService<UpdateBatch>(LearnGameStorage.Name));
        var (id, state, version) = await WrittenTwice();
        var unsettled = new ProbeState { Text = "no answer" };
        if (unsettledWriteStored)
            await storage.WriteStateAsync(ProbeGrain.StateName, id, new GrainState<ProbeState>(unsettled) { ETag = state.ETag, RecordExists = true });
        batch.KeepUnsettled(state, new UpdateBatch.Unsettled(version, version, new LearnGameStateSerializer().Serialize(unsettled).ToArray()));

        state.State!.Text = "next";
        await storage.WriteStateAsync(ProbeGrain.StateName, id, state);

        Assert.Equal((version + (unsettledWriteStored ? 2 : 1)).ToString(), state.ETag);
        Assert.Equal(("next", state.ETag), await ReadBack(id));
        // Settled: a later write goes on as usual.
        state.State.Text = "later";
        await storage.WriteStateAsync(ProbeGrain.StateName, id, state);
        Assert.Equal((version + (unsettledWriteStored ? 3 : 2)).ToString(), state.ETag);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_first_write_after_one_that_got_no_answer_is_stored_whether_or_not_that_one_was(bool unsettledWriteStored)
    {
        var (storage, batch) = (Storage(), SiloService<UpdateBatch>(LearnGameStorage.Name));
        var id = GrainId.Create("probe", Guid.NewGuid().ToString("N"));
        var unsettled = new ProbeState { Text = "no answer" };
        if (unsettledWriteStored) await storage.WriteStateAsync(ProbeGrain.StateName, id, new GrainState<ProbeState>(unsettled));
        var state = new GrainState<ProbeState>(unsettled);
        batch.KeepUnsettledFirstWrite(state, new LearnGameStateSerializer().Serialize(unsettled).ToArray());

        state.State = new ProbeState { Text = "next" };
        await storage.WriteStateAsync(ProbeGrain.StateName, id, state);

        Assert.Equal(unsettledWriteStored ? "2" : "1", state.ETag);
        Assert.Equal(("next", state.ETag), await ReadBack(id));
    }

    [Fact]
    public async Task Another_writers_row_is_still_a_conflict_after_a_first_write_that_got_no_answer()
    {
        var (storage, batch) = (Storage(), SiloService<UpdateBatch>(LearnGameStorage.Name));
        var id = GrainId.Create("probe", Guid.NewGuid().ToString("N"));
        await storage.WriteStateAsync(ProbeGrain.StateName, id, new GrainState<ProbeState>(new ProbeState { Text = "other writer" }));
        var state = new GrainState<ProbeState>(new ProbeState { Text = "no answer" });
        batch.KeepUnsettledFirstWrite(state, new LearnGameStateSerializer().Serialize(state.State).ToArray());

        state.State = new ProbeState { Text = "next" };
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(ProbeGrain.StateName, id, state));

        Assert.Equal(("other writer", "1"), await ReadBack(id));
    }

    [Fact]
    public async Task Another_writers_row_is_still_a_conflict_after_a_write_whose_commit_got_no_answer()
    {
        var (storage, batch) = (Storage(), SiloService<UpdateBatch>(LearnGameStorage.Name));
        var (id, state, version) = await WrittenTwice();
        // The unsettled write never landed; another activation's did, from the same version.
        await storage.WriteStateAsync(ProbeGrain.StateName, id,
            new GrainState<ProbeState>(new ProbeState { Text = "other writer" }) { ETag = state.ETag, RecordExists = true });
        batch.KeepUnsettled(state, new UpdateBatch.Unsettled(version, version,
            new LearnGameStateSerializer().Serialize(new ProbeState { Text = "no answer" }).ToArray()));

        state.State!.Text = "next";
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(ProbeGrain.StateName, id, state));

        Assert.Equal(("other writer", (version + 1).ToString()), await ReadBack(id));
    }

    [Fact]
    public async Task Later_writes_waiting_together_share_one_transaction()
    {
        var storage = Storage();
        var batch = SiloService<UpdateBatch>(LearnGameStorage.Name);
        var ids = Enumerable.Range(0, 40).Select(_ => Orleans.Runtime.GrainId.Create("probe", Guid.NewGuid().ToString("N"))).ToList();
        var states = ids.Select(_ => new Orleans.GrainState<ProbeState>(new ProbeState { Text = "first" })).ToList();
        for (var i = 0; i < ids.Count; i++) await storage.WriteStateAsync(ProbeGrain.StateName, ids[i], states[i]);
        var before = batch.Transactions;

        await Task.WhenAll(ids.Select((id, i) => storage.WriteStateAsync(ProbeGrain.StateName, id, states[i])));

        // 40 updates asked for at once: the writer finds most of them waiting behind the first.
        Assert.InRange(batch.Transactions - before, 1, ids.Count / 2);
    }

    /// <summary>
    /// The hashes a batch inserts a first write with are those the provider itself stores: each Guid key written through
    /// the provider, under its own state name (non-ASCII too), has the hashes <see cref="ProviderHashes"/> computes for it.
    /// </summary>
    [Fact]
    public async Task Our_hashes_of_a_guid_keyed_row_are_those_the_provider_stores()
    {
        var providerName = LearnGameStorage.Name + ".adonet";
        var provider = SiloService<IGrainStorage>(providerName);
        var ours = new ProviderHashes(((AdoNetGrainStorage)provider).HashPicker, ServiceId, providerName);
        Guid[] keys = [Guid.Empty, Guid.Parse("00112233-4455-6677-8899-aabbccddeeff"), Guid.NewGuid(), Guid.NewGuid()];
        var expected = new List<(string, int, int)>();
        for (var i = 0; i < keys.Length; i++)
        {
            var (stateName, id) = ($"hash-é{i}", GrainId.Create("probe", keys[i].ToString("N")));
            var state = new GrainState<ProbeState>(new ProbeState { Text = "provider" });
            await provider.WriteStateAsync(stateName, id, state);
            var hashes = ours.Of(stateName, id, state, keys[i]);
            expected.Add((stateName, hashes.GrainIdHash, hashes.GrainTypeHash));
        }

        var stored = await StoredHashesAsync();

        Assert.Equal(expected.Order(), stored.Order());
        Assert.Equal(keys.Length, stored.Select(row => row.GrainIdHash).Distinct().Count());
    }

    /// <summary>A Guid-keyed probe state written twice: stored, and at a version that updates go from.</summary>
    private async Task<(GrainId Id, GrainState<ProbeState> State, int Version)> WrittenTwice()
    {
        var id = GrainId.Create("probe", Guid.NewGuid().ToString("N"));
        var state = new GrainState<ProbeState>(new ProbeState { Text = "first" });
        await Storage().WriteStateAsync(ProbeGrain.StateName, id, state);
        await Storage().WriteStateAsync(ProbeGrain.StateName, id, state);
        return (id, state, int.Parse(state.ETag!));
    }

    /// <summary>The probe's stored text and version, as a fresh read finds them.</summary>
    protected async Task<(string? Text, string? ETag)> ReadBack(GrainId id)
    {
        var read = new GrainState<ProbeState>();
        await Storage().ReadStateAsync(ProbeGrain.StateName, id, read);
        return (read.State?.Text, read.ETag);
    }

    /// <summary>A keyed service of the silo, as it resolves it.</summary>
    protected T SiloService<T>(string key) where T : notnull => _cluster.GetSiloServiceProvider().GetRequiredKeyedService<T>(key);

    protected IGrainStorage Storage() => _cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>(LearnGameStorage.Name);

    private async Task<InProcessTestCluster> StartSiloAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        // A fixed ServiceId: it is part of every stored identity, so a restarted silo must keep it to find its rows.
        builder.Options.ServiceId = ServiceId;
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) => AddStorage(silo));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
