using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace LearnGame.Testing;

/// <summary>A logger provider that keeps every formatted line (with its exception) in memory.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Found)> _waiting = [];

    public IReadOnlyCollection<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    /// <summary>The first line that matches, written already or as soon as it is written.</summary>
    public Task<string> FirstAsync(Func<string, bool> match)
    {
        var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waiting)
        {
            if (_lines.FirstOrDefault(match) is { } line) return Task.FromResult(line);
            _waiting.Add((match, found));
        }
        return found.Task;
    }

    private void Add(string line)
    {
        lock (_waiting)
        {
            _lines.Enqueue(line);
            foreach (var waiter in _waiting.Where(w => w.Match(line)).ToList())
            {
                _waiting.Remove(waiter);
                waiter.Found.SetResult(line);
            }
        }
    }

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
