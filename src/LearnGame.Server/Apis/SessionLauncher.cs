using LearnGame.Domain.Quizzes;
using LearnGame.Domain.Sessions;
using LearnGame.Grains.Abstractions.JoinCodes;
using LearnGame.Grains.Abstractions.Sessions;
using SessionOptions = LearnGame.Domain.Sessions.SessionOptions;

namespace LearnGame.Server.Apis;

/// <summary>Creates a session: reserves a free join code, then creates the session grain with a fresh host token.</summary>
public sealed class SessionLauncher(IGrainFactory grains)
{
    private const int CodeAttempts = 50;

    public async Task<(CreatedSession? Session, ActionResult Result)> Launch(Quiz quiz, SessionOptions options)
    {
        var sessionId = Guid.NewGuid();
        var code = await ClaimCode(sessionId);
        if (code is null) return (null, ActionResult.Fail("no-free-code", "No free join code could be found; try again."));
        var hostToken = SecretToken.New();
        var result = await grains.GetGrain<ISessionGrain>(sessionId).Create(quiz, options, code, hostToken);
        if (!result.Ok)
        {
            await grains.GetGrain<IJoinCodeGrain>(code).Release(sessionId);
            return (null, result);
        }
        return (new CreatedSession(sessionId, code, hostToken), result);
    }

    private async Task<string?> ClaimCode(Guid sessionId)
    {
        for (var attempt = 0; attempt < CodeAttempts; attempt++)
        {
            var code = JoinCode.Random(Random.Shared);
            if (await grains.GetGrain<IJoinCodeGrain>(code).Claim(sessionId)) return code;
        }
        return null;
    }
}

/// <summary>What the trainer receives once: the session id, the join code to show, and the secret host token.</summary>
public sealed record CreatedSession(Guid SessionId, string JoinCode, string HostToken);
