using System.Reflection;
using LearnGame.Grains.Abstractions.Sessions;
using Microsoft.AspNetCore.SignalR;

namespace LearnGame.Server.Realtime;

/// <summary>
/// Turns an unexpected exception in a hub method into that method's <c>unavailable</c> result, for its caller only,
/// and logs it once by method and connection (never with the arguments: they may be seat or host tokens).
/// </summary>
public sealed partial class UnavailableFilter(ILogger<UnavailableFilter> log) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocation, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocation);
        }
        catch (Exception e) when (UnavailableResult(invocation.HubMethod, invocation.HubMethodArguments) is { } unavailable)
        {
            LogCallFailed(log, e, invocation.HubMethodName, invocation.Context.ConnectionId);
            return unavailable;
        }
    }

    /// <summary>The <c>unavailable</c> result of the method's result type, or null for a type that has none.</summary>
    public static object? UnavailableResult(MethodInfo method, IReadOnlyList<object?> arguments)
    {
        var type = ResultType(method.ReturnType);
        if (type == typeof(JoinResult)) return JoinResult.Fail(HubErrors.Unavailable);
        if (type == typeof(HostResult)) return HostResult.Fail(HubErrors.Unavailable);
        if (type == typeof(ActionResult)) return ActionResult.Fail(HubErrors.Unavailable);
        if (type == typeof(AnswerAck)) return AnswerAck.Fail(HubErrors.Unavailable, QuestionIndex(method, arguments));
        return null;
    }

    private static Type ResultType(Type returned) =>
        returned.IsGenericType && (returned.GetGenericTypeDefinition() == typeof(Task<>) || returned.GetGenericTypeDefinition() == typeof(ValueTask<>))
            ? returned.GetGenericArguments()[0]
            : returned;

    // An acknowledgement names the question it answers, so the client can match it to its pending answer.
    private static int QuestionIndex(MethodInfo method, IReadOnlyList<object?> arguments)
    {
        var parameters = method.GetParameters();
        for (var i = 0; i < parameters.Length && i < arguments.Count; i++)
            if (parameters[i].Name == "questionIndex" && arguments[i] is int index) return index;
        return 0;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The hub call {Method} failed on connection {ConnectionId}")]
    private static partial void LogCallFailed(ILogger log, Exception e, string method, string connectionId);
}
