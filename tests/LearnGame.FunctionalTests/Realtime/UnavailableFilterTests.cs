using System.Reflection;
using System.Runtime.ExceptionServices;
using LearnGame.Grains.Abstractions.Sessions;
using LearnGame.Server.Realtime;
using LearnGame.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace LearnGame.FunctionalTests.Realtime;

/// <summary>A hub method whose grain call throws answers <c>unavailable</c> to its caller, logged once, without tokens.</summary>
public sealed class UnavailableFilterTests
{
    private const string SeatToken = "seat-token-that-no-log-may-hold-0123456789";

    [Fact]
    public async Task A_grain_call_that_throws_answers_unavailable_to_its_caller_and_the_connection_stays_usable()
    {
        var broken = Guid.NewGuid();
        await using var server = new ServerHost(ServerHost.NewDataDirectory(), $"test-{Guid.NewGuid():N}", configure: web =>
            web.ConfigureTestServices(services =>
                services.AddScoped<IHubActivator<GameHub>>(sp => new BrokenSessionHubActivator(sp, broken))));
        await using var room = await Classroom.Open(server, 1);
        await using var caller = await GameClient.Connect(server);

        var failed = await caller.Rejoin(broken, SeatToken);

        Assert.False(failed.Ok);
        Assert.Equal("unavailable", failed.Error);
        var joined = await caller.Join(room.Created.JoinCode, "Back again");
        Assert.True(joined.Ok, joined.Error);
        // The trainer's lobby shows the caller's seat: the room went on, and got nothing of the failure.
        await room.Trainer.WaitFor(SessionEvents.Lobby, p => p.GetRawText().Contains("Back again"));
        Assert.True((await room.Learners[0].Rejoin(room.Created.SessionId, room.Learners[0].SeatToken)).Ok);
        Assert.Single(server.Logs.Lines, l => l.Contains("The hub call Rejoin failed"));
        Assert.DoesNotContain(server.Logs.Lines, l => l.Contains(SeatToken));
    }

    [Fact]
    public void Every_hub_method_has_an_unavailable_result_and_an_answer_keeps_its_question_index()
    {
        var methods = typeof(GameHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.Name is not (nameof(GameHub.OnConnectedAsync) or nameof(GameHub.OnDisconnectedAsync)))
            .ToList();
        Assert.NotEmpty(methods);
        foreach (var method in methods)
        {
            var arguments = method.GetParameters().Select(p => p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType) : null).ToArray();
            Assert.True(UnavailableFilter.UnavailableResult(method, arguments) is not null, $"{method.Name} has no unavailable result");
        }
        var ack = (AnswerAck)UnavailableFilter.UnavailableResult(typeof(GameHub).GetMethod(nameof(GameHub.Answer))!, [3, "answer-1", null])!;
        Assert.Equal(("unavailable", 3), (ack.Error, ack.QuestionIndex));
    }

    /// <summary>The real hub, but every call it makes to one session grain throws.</summary>
    private sealed class BrokenSessionHubActivator(IServiceProvider services, Guid broken) : IHubActivator<GameHub>
    {
        public GameHub Create() =>
            ActivatorUtilities.CreateInstance<GameHub>(services, BrokenGrains.Wrap(services.GetRequiredService<IGrainFactory>(), broken));

        public void Release(GameHub hub) => hub.Dispose();
    }

    public class BrokenGrains : DispatchProxy
    {
        private IGrainFactory _target = null!;
        private Guid _broken;

        public static IGrainFactory Wrap(IGrainFactory target, Guid broken)
        {
            var proxy = Create<IGrainFactory, BrokenGrains>();
            ((BrokenGrains)(object)proxy)._target = target;
            ((BrokenGrains)(object)proxy)._broken = broken;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? method, object?[]? args)
        {
            if (method is { Name: nameof(IGrainFactory.GetGrain), IsGenericMethod: true } && method.GetGenericArguments()[0] == typeof(ISessionGrain)
                && args is [Guid id, ..] && id == _broken)
                return Create<ISessionGrain, ThrowingGrain>();
            try
            {
                return method!.Invoke(_target, args);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                ExceptionDispatchInfo.Throw(e.InnerException);
                throw;
            }
        }
    }

    public class ThrowingGrain : DispatchProxy
    {
        protected override object? Invoke(MethodInfo? method, object?[]? args) => throw new InvalidOperationException("The session's silo is gone.");
    }
}
