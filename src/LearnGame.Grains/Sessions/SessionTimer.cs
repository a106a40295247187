namespace LearnGame.Grains.Sessions;

/// <summary>Starts a one-shot timer on the session grain's scheduler; disposing it cancels it.</summary>
public delegate IDisposable StartTimer(TimeSpan due, Func<Task> callback);
