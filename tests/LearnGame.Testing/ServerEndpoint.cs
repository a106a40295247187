namespace LearnGame.Testing;

/// <summary>Where a running LearnGame server answers: in this process or in a child process.</summary>
public class ServerEndpoint(Uri baseUrl)
{
    public Uri BaseUrl { get; protected init; } = baseUrl;
    public Uri HubUrl => new(BaseUrl, "/hubs/game");
    public HttpClient CreateHttpClient() => new() { BaseAddress = BaseUrl };
}
