namespace Broadcart.Client;

/// <summary>Where the REST API is and who is calling.</summary>
public sealed class ApiClientOptions
{
    /// <summary>Where the API is, e.g. <c>https://live.example.com/</c> (or under a path, <c>https://example.com/live/</c>); calls go to <c>/api/...</c> under it.</summary>
    public required Uri BaseAddress { get; init; }

    /// <summary>The caller's access token, asked for on every request so that a refreshed token is used.</summary>
    public required Func<Task<string?>> AccessToken { get; init; }
}
