using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LearnGame.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace LearnGame.FunctionalTests.Api;

/// <summary>Problems the framework writes itself carry a stable code too.</summary>
public sealed class ProblemDetailsTests
{
    private const string BrokenPath = "/api/broken-for-tests";

    [Fact]
    public async Task An_unexpected_exception_answers_a_500_problem_with_the_code_unavailable_and_no_stack_trace()
    {
        await using var server = new ServerHost(ServerHost.NewDataDirectory(), $"test-{Guid.NewGuid():N}", configure: web =>
            web.ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(new ThrowingAtTheEnd())));
        using var http = server.CreateHttpClient();

        var response = await http.GetAsync(BrokenPath);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal("unavailable", JsonDocument.Parse(text).RootElement.GetProperty("error").GetString());
        Assert.DoesNotContain("secret-in-the-exception", text);
        Assert.DoesNotContain("traceId", text);
    }

    /// <summary>A middleware at the very end of the server's pipeline, inside its exception handler, that throws on one path.</summary>
    private sealed class ThrowingAtTheEnd : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((HttpContext context, RequestDelegate following) =>
                context.Request.Path == BrokenPath ? throw new InvalidOperationException("secret-in-the-exception") : following(context));
        };
    }
}
