namespace LearnGame.Grains.Abstractions.JoinCodes;

/// <summary>A 6-digit join code (the grain key) and the live session it leads to, if any.</summary>
public interface IJoinCodeGrain : IGrainWithStringKey
{
    /// <summary>Reserves the code for a session; false when another live session holds it.</summary>
    Task<bool> Claim(Guid sessionId);

    /// <summary>The session the code leads to, or null when the code is free.</summary>
    Task<Guid?> Resolve();

    /// <summary>Frees the code, only if it is still held by that session.</summary>
    Task Release(Guid sessionId);
}
