using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using LearnGame.Testing;

namespace LearnGame.FunctionalTests.Hosting;

/// <summary>A server that lists one public origin besides its own, for the allowlist's tests.</summary>
public sealed class ListedOriginServerFixture : IAsyncLifetime
{
    public const string Listed = "https://quiz.example.org";

    public ServerHost Server { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Server = new ServerHost(ServerHost.NewDataDirectory(), $"origin-{Guid.NewGuid():N}",
            new Dictionary<string, string> { ["Security:AllowedOrigins:0"] = Listed });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>Cross-site WebSocket hijacking: a page of another site cannot open game connections or change state.</summary>
[Collection(ServerCollection.Name)]
public sealed class OriginTests(ServerFixture fixture)
{
    private static HttpRequestMessage Negotiate(ServerEndpoint server, string? origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.HubUrl + "/negotiate?negotiateVersion=1"));
        if (origin is not null) request.Headers.Add("Origin", origin);
        return request;
    }

    private static async Task<JsonElement> Refusal(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("null")]
    [InlineData("http://127.0.0.1.evil.example")]
    public async Task A_page_of_another_site_cannot_negotiate_a_game_connection(string origin)
    {
        using var http = fixture.Server.CreateHttpClient();
        var body = await Refusal(await http.SendAsync(Negotiate(fixture.Server, origin)));
        Assert.Equal("origin-not-allowed", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_page_of_another_site_cannot_open_the_hub_websocket_even_without_negotiating()
    {
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Origin", "https://evil.example");
        socket.Options.CollectHttpResponseDetails = true;
        var url = new UriBuilder(fixture.Server.HubUrl) { Scheme = "ws" }.Uri;
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(url, CancellationToken.None));
        Assert.Equal(HttpStatusCode.Forbidden, socket.HttpStatusCode);
    }

    [Fact]
    public async Task Our_own_pages_and_clients_without_an_origin_negotiate_as_before()
    {
        using var http = fixture.Server.CreateHttpClient();
        var own = fixture.Server.BaseUrl.GetLeftPart(UriPartial.Authority);
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(Negotiate(fixture.Server, own))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(Negotiate(fixture.Server, null))).StatusCode);
        // And the socket itself, from our own origin.
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Origin", own);
        await socket.ConnectAsync(new UriBuilder(fixture.Server.HubUrl) { Scheme = "ws" }.Uri, CancellationToken.None);
        Assert.Equal(WebSocketState.Open, socket.State);
    }

    [Fact]
    public async Task Another_site_cannot_create_a_session_but_may_read()
    {
        using var http = fixture.Server.CreateHttpClient();
        var create = new HttpRequestMessage(HttpMethod.Post, "/api/sessions") { Content = new StringContent("""{"demo":"fr"}""", Encoding.UTF8, "application/json") };
        create.Headers.Add("Origin", "https://evil.example");
        Assert.Equal("origin-not-allowed", (await Refusal(await http.SendAsync(create))).GetProperty("error").GetString());

        var read = new HttpRequestMessage(HttpMethod.Get, "/health");
        read.Headers.Add("Origin", "https://evil.example");
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(read)).StatusCode);
    }
}

/// <summary>Origins an operator lists (the public URL behind a proxy) are let in; the others still are not.</summary>
public sealed class ListedOriginTests(ListedOriginServerFixture fixture) : IClassFixture<ListedOriginServerFixture>
{
    [Theory]
    [InlineData(ListedOriginServerFixture.Listed, HttpStatusCode.OK)]
    [InlineData("https://QUIZ.example.org:443", HttpStatusCode.OK)]
    [InlineData("http://quiz.example.org", HttpStatusCode.Forbidden)]
    [InlineData("https://other.example.org", HttpStatusCode.Forbidden)]
    public async Task A_listed_origin_negotiates_and_an_unlisted_one_does_not(string origin, HttpStatusCode expected)
    {
        using var http = fixture.Server.CreateHttpClient();
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(fixture.Server.HubUrl + "/negotiate?negotiateVersion=1"));
        request.Headers.Add("Origin", origin);
        Assert.Equal(expected, (await http.SendAsync(request)).StatusCode);
    }
}
