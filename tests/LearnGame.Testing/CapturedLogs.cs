using Microsoft.Extensions.Logging;

namespace LearnGame.Testing;

/// <summary>A logger provider that keeps every formatted line (with its exception) in memory.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly Arrivals<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines.Snapshot();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    /// <summary>The first line that matches, written already or as soon as it is written.</summary>
    public Task<string> FirstAsync(Func<string, bool> match) => _lines.First(match);

    private void Add(string line) => _lines.Add(line);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, CapturedLogs logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var structured = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(";", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            logs.Add($"{logLevel} {category}: {formatter(state, exception)} {structured} {exception}");
        }
    }
}
