using System.Text.Json;
using LearnGame.Domain.Quizzes;
using LearnGame.Domain.Sessions;
using LearnGame.Grains.Sessions;
using LearnGame.UnitTests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Storage;

namespace LearnGame.UnitTests.Grains;

public class SessionStoreTests
{
    private static readonly GrainId Id = GrainId.Create("session", TestGame.SessionId.ToString("N"));

    /// <summary>Rows as JSON, as a database would hold them: what is read back is a copy.</summary>
    private sealed class MemoryStorage : IGrainStorage
    {
        public Dictionary<string, string> Rows { get; } = [];
        public Dictionary<string, int> Writes { get; } = [];
        public bool Fails { get; set; }

        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            if (Rows.TryGetValue(stateName, out var json))
            {
                grainState.State = JsonSerializer.Deserialize<T>(json, QuizJson.Options)!;
                (grainState.RecordExists, grainState.ETag) = (true, "1");
            }
            return Task.CompletedTask;
        }

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            if (Fails) throw new TimeoutException("storage down");
            Rows[stateName] = JsonSerializer.Serialize(grainState.State, QuizJson.Options);
            Writes[stateName] = Writes.GetValueOrDefault(stateName) + 1;
            (grainState.RecordExists, grainState.ETag) = (true, "1");
            return Task.CompletedTask;
        }

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            Rows.Remove(stateName);
            grainState.RecordExists = false;
            return Task.CompletedTask;
        }

        public int WritesOf(string name) => Writes.GetValueOrDefault(name);
    }

    /// <summary>The session's own state, kept in the same storage under "session".</summary>
    private sealed class MemoryState(MemoryStorage storage) : IPersistentState<SessionState>
    {
        private readonly GrainState<SessionState> _row = new(new SessionState());

        public SessionState State { get => _row.State!; set => _row.State = value; }
        public string? Etag => _row.ETag;
        public bool RecordExists => _row.RecordExists;
        public Task ClearStateAsync() => storage.ClearStateAsync("session", Id, _row);
        public Task WriteStateAsync() => storage.WriteStateAsync("session", Id, _row);
        public Task ReadStateAsync() => storage.ReadStateAsync("session", Id, _row);
    }

    private sealed class Fixture
    {
        public TestGame Game { get; } = new(Make.Single(), Make.Single());
        public MemoryStorage Storage { get; } = new();
        public List<(TimeSpan Due, Func<Task> Callback)> Timers { get; } = [];
        public List<bool> StoredChanged { get; } = [];
        public TaskCompletionSource Back { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public int Durable { get; private set; }

        public (SessionStore Store, MemoryState State) Open()
        {
            var state = new MemoryState(Storage);
            var store = new SessionStore(state, Storage, Id, TestGame.SessionId, (due, callback) =>
            {
                Timers.Add((due, callback));
                return new NoTimer();
            }, Game.Clock, new SessionStoreEvents(stored =>
            {
                StoredChanged.Add(stored);
                if (stored) Back.TrySetResult();
            }, () => Durable++), NullLogger.Instance);
            return (store, state);
        }

        public async Task<(SessionStore Store, MemoryState State)> Reload()
        {
            var (store, state) = Open();
            await state.ReadStateAsync();
            await store.LoadAsync();
            return (store, state);
        }
    }

    private sealed class NoTimer : IDisposable
    {
        public void Dispose() { }
    }

    private static async Task<(Fixture F, SessionStore Store, MemoryState State)> Created()
    {
        var f = new Fixture();
        var (store, state) = f.Open();
        state.State.Game = f.Game.Session;
        await store.Checkpoint();
        return (f, store, state);
    }

    [Fact]
    public async Task A_join_goes_to_the_journal_without_the_session_and_a_reload_replays_it()
    {
        var (f, store, state) = await Created();
        Assert.Equal(1, f.Storage.WritesOf("session"));
        var zoe = f.Game.Join("Zoe Martin");
        state.State.Sequence = 3;
        store.Journal(SessionChange.Join(zoe, state.State.Sequence));

        await store.Commit();

        Assert.Equal(1, f.Storage.WritesOf("session"));
        Assert.Contains("Zoe Martin", f.Storage.Rows["journal-0"]);
        Assert.Equal(3, store.DurableSequence);
        Assert.Equal(2, f.Durable);
        var (reloaded, again) = await f.Reload();
        Assert.Equal("Zoe Martin", Assert.Single(again.State.Game!.Seats).Nickname);
        Assert.Equal(3, reloaded.DurableSequence);
    }

    [Fact]
    public async Task A_checkpoint_holds_the_journal_and_a_reload_does_not_replay_it_again()
    {
        var (f, store, state) = await Created();
        store.Journal(SessionChange.Join(f.Game.Join("Zoe"), 0));
        await store.Commit();
        await store.Checkpoint();

        Assert.Equal(2, f.Storage.WritesOf("session"));
        var (_, again) = await f.Reload();
        Assert.Single(again.State.Game!.Seats);
        Assert.Equal(2, again.State.JournalEpoch);
    }

    [Fact]
    public async Task A_closed_round_is_written_apart_once_its_timer_fires_and_comes_back_on_reload()
    {
        var (f, store, state) = await Created();
        var zoe = f.Game.Join("Zoe");
        store.Journal(SessionChange.Join(zoe, 0));
        f.Game.Start();
        store.Journal(SessionChange.Host(new LearnGame.Grains.Abstractions.Sessions.StartCommand(), f.Game.Now, 0));
        f.Game.Answer(zoe, Answers.Choice(1), answerId: "zoe-q1");
        f.Game.RevealNow();
        await store.Checkpoint();
        Assert.Contains("zoe-q1", f.Storage.Rows["session"]);

        var (due, fire) = Assert.Single(f.Timers);
        Assert.Equal(SessionStore.StoreRoundsApartAfter, due);
        await fire();
        Assert.Contains("zoe-q1", f.Storage.Rows["round-0"]);
        Assert.Equal(1, state.State.RoundsStoredApart);

        f.Game.Next();
        f.Game.Next();
        await store.Checkpoint();
        Assert.DoesNotContain("zoe-q1", f.Storage.Rows["session"]);
        Assert.Equal(2, state.State.Game!.Rounds.Count);
        var (_, again) = await f.Reload();
        Assert.Equal([0, 1], again.State.Game!.Rounds.Select(r => r.QuestionIndex));
        Assert.Equal("zoe-q1", again.State.Game.Rounds[0].Answers[zoe.Id].AnswerId);
        // It goes on by the same rules: a retried answer to a round kept apart is still recognised.
        Assert.True(again.State.Game.SubmitAnswer(zoe.Id, 0, "zoe-q1", Answers.Choice(1), f.Game.Now).IsRepeat);

        await store.Forget();
        Assert.False(f.Storage.Rows.ContainsKey("round-0"));
    }

    [Fact]
    public async Task A_failed_write_fails_its_caller_and_is_written_again_until_storage_is_back()
    {
        var (f, store, _) = await Created();
        f.Storage.Fails = true;
        store.Journal(SessionChange.Join(f.Game.Join("Zoe"), 0));

        await Assert.ThrowsAsync<TimeoutException>(store.Commit);
        Assert.True(store.Retrying);
        Assert.Equal([false], f.StoredChanged);

        f.Storage.Fails = false;
        f.Game.Clock.Advance(TimeSpan.FromSeconds(1));
        await f.Back.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(store.Retrying);
        Assert.Equal([false, true], f.StoredChanged);
        Assert.Contains("Zoe", f.Storage.Rows["journal-0"]);
    }

    private static async Task<(Fixture F, SessionStore Store, MemoryState State)> FirstRoundClosed()
    {
        var (f, store, state) = await Created();
        var zoe = f.Game.Join("Zoe");
        f.Game.Start();
        f.Game.Answer(zoe, Answers.Choice(1), answerId: "zoe-q1");
        f.Game.RevealNow();
        await store.Checkpoint();
        return (f, store, state);
    }

    [Fact]
    public async Task After_a_crash_between_a_rounds_row_and_the_next_checkpoint_the_round_is_not_counted_twice()
    {
        var (f, _, _) = await FirstRoundClosed();
        await Assert.Single(f.Timers).Callback();
        Assert.True(f.Storage.Rows.ContainsKey("round-0"));
        Assert.Contains("zoe-q1", f.Storage.Rows["session"]);

        var (_, again) = await f.Reload();

        Assert.Single(again.State.Game!.Rounds);
        Assert.Equal(1, again.State.RoundsStoredApart);
    }

    [Fact]
    public async Task Fewer_rounds_stored_apart_than_the_session_counts_is_refused_not_guessed()
    {
        var (f, store, _) = await FirstRoundClosed();
        await Assert.Single(f.Timers).Callback();
        await store.Checkpoint();
        f.Storage.Rows.Remove("round-0");

        var (reloaded, again) = f.Open();
        await again.ReadStateAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(reloaded.LoadAsync);
    }
}
