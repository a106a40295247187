using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using LearnGame.Domain.Quizzes;
using LearnGame.Domain.Sessions;
using LearnGame.Grains.Abstractions.Sessions;
using LearnGame.Grains.Persistence;
using LearnGame.Grains.Sessions;
using LearnGame.Storage;

namespace LearnGame.FunctionalTests.Grains;

/// <summary>How the journal's chunks are written as JSON: the stored shape unchanged, each entry rendered once.</summary>
public sealed class JournalJsonTests
{
    private static readonly GrainId Grain = GrainId.Create("session", Guid.NewGuid().ToString("N"));

    /// <summary>The shape chunks were stored in before they had a converter of their own: System.Text.Json's default.</summary>
    private sealed class PlainChunk<T>
    {
        public long Epoch { get; set; }
        public List<T> Entries { get; set; } = [];
    }

    private static List<SessionChange> Changes()
    {
        var start = new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
        var game = GameSession.Create(Guid.NewGuid(), "123456", DemoQuizzes.Load(QuizLanguage.Fr), new SessionOptions(), "host", start);
        var (léa, _) = game.Join("Léa « la rapide »", "seat-token-1", null);
        var (tom, _) = game.Join("Tom", "seat-token-2", Guid.NewGuid());
        return
        [
            SessionChange.Join(léa!, 1),
            SessionChange.Join(tom!, 2),
            SessionChange.Host(new StartCommand(), start.AddMinutes(1), 3),
            SessionChange.Ticked(start.AddMinutes(2), 4),
            SessionChange.TeamChosen(1, 2, 5),
        ];
    }

    public static TheoryData<string> OptionSets => ["storage", "quiz"];

    private static JsonSerializerOptions Options(string name) => name == "storage" ? LearnGameStateSerializer.DefaultOptions : QuizJson.Options;

    [Theory]
    [MemberData(nameof(OptionSets))]
    public void A_chunk_is_stored_as_the_same_json_as_without_its_converter_and_reads_back(string optionSet)
    {
        var options = Options(optionSet);
        var changes = Changes();

        var written = JsonSerializer.Serialize(new JournalChunk<SessionChange> { Epoch = 7, Entries = changes }, options);

        Assert.Equal(JsonSerializer.Serialize(new PlainChunk<SessionChange> { Epoch = 7, Entries = changes }, options), written);
        var read = JsonSerializer.Deserialize<JournalChunk<SessionChange>>(written, options)!;
        Assert.Equal(7, read.Epoch);
        Assert.Equal(written, JsonSerializer.Serialize(read, options));
    }

    [Fact]
    public async Task What_was_rendered_with_other_options_is_rendered_again()
    {
        var storage = new OptionsStorage { Options = QuizJson.Options };
        var journal = new Journal<SessionChange>(storage, Grain, "journal");
        await journal.LoadAsync(1);
        var changes = Changes();
        foreach (var change in changes.Take(3)) journal.Add(change);
        await journal.WriteAsync();

        storage.Options = LearnGameStateSerializer.DefaultOptions;
        foreach (var change in changes.Skip(3)) journal.Add(change);
        await journal.WriteAsync();

        Assert.Equal(JsonSerializer.Serialize(new PlainChunk<SessionChange> { Epoch = 1, Entries = changes }, LearnGameStateSerializer.DefaultOptions), storage.Json);
    }

    /// <summary>Stores the last state written as JSON, with whichever options it is given at the time.</summary>
    private sealed class OptionsStorage : Orleans.Storage.IGrainStorage
    {
        public required JsonSerializerOptions Options { get; set; }
        public string? Json { get; private set; }
        private int _version;

        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Task.CompletedTask;

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            Json = JsonSerializer.Serialize(grainState.State, Options);
            grainState.ETag = (++_version).ToString(System.Globalization.CultureInfo.InvariantCulture);
            grainState.RecordExists = true;
            return Task.CompletedTask;
        }

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Task.CompletedTask;
    }

    [Fact]
    public async Task Each_entry_is_rendered_once_however_often_its_chunk_is_written_again()
    {
        var run = Guid.NewGuid();
        var storage = new CountingStorage();
        var journal = new Journal<CountedEntry>(storage, Grain, "journal");
        await journal.LoadAsync(1);
        var entries = Enumerable.Range(1, 10).Select(n => new CountedEntry { Run = run, Value = n }).ToList();
        foreach (var entry in entries)
        {
            journal.Add(entry);
            await journal.WriteAsync();
        }

        // Ten writes of one growing chunk: 1 + 2 + … + 10 = 55 renderings without the cache, 10 with it.
        Assert.Equal(10, storage.WritesOf("journal-0", Grain));
        Assert.Equal(10, CountedEntry.Renderings(run));
        var reloaded = await new Journal<CountedEntry>(storage, Grain, "journal").LoadAsync(1);
        Assert.Equal(entries.Select(e => e.Value), reloaded.Select(e => e.Value));
    }

    [Fact]
    public async Task After_a_checkpoint_the_entries_kept_are_written_as_themselves()
    {
        var storage = new CountingStorage();
        var journal = new Journal<int>(storage, Grain, "journal");
        await journal.LoadAsync(1);
        foreach (var n in Enumerable.Range(1, 5))
        {
            journal.Add(n);
            await journal.WriteAsync();
        }
        // The checkpoint holds the first three; 4 and 5 start the new epoch, then 6 joins them.
        journal.Restart(2, 3);
        journal.Add(6);
        await journal.WriteAsync();

        Assert.Equal([4, 5, 6], await new Journal<int>(storage, Grain, "journal").LoadAsync(2));
    }

    /// <summary>An entry whose every rendering as JSON is counted, per test run.</summary>
    [JsonConverter(typeof(Converter))]
    public sealed class CountedEntry
    {
        private static readonly ConcurrentDictionary<Guid, int> Counts = new();

        public Guid Run { get; set; }
        public int Value { get; set; }

        public static int Renderings(Guid run) => Counts.GetValueOrDefault(run);

        private sealed class Converter : JsonConverter<CountedEntry>
        {
            public override CountedEntry Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            {
                using var document = JsonDocument.ParseValue(ref reader);
                return new CountedEntry { Run = document.RootElement.GetProperty("run").GetGuid(), Value = document.RootElement.GetProperty("value").GetInt32() };
            }

            public override void Write(Utf8JsonWriter writer, CountedEntry value, JsonSerializerOptions options)
            {
                Counts.AddOrUpdate(value.Run, 1, (_, n) => n + 1);
                writer.WriteStartObject();
                writer.WriteString("run", value.Run);
                writer.WriteNumber("value", value.Value);
                writer.WriteEndObject();
            }
        }
    }
}
