namespace LearnGame.Server.Extensions;

/// <summary>A configuration or environment problem that stops start-up; its message is all the operator needs to read.</summary>
public sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner);
