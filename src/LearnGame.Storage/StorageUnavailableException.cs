namespace LearnGame.Storage;

/// <summary>The storage database cannot be reached or refused LearnGame; the message is one sentence fit for an operator.</summary>
public sealed class StorageUnavailableException(string message, Exception? innerException = null) : Exception(message, innerException);
