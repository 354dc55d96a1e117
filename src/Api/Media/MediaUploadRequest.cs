namespace Broadcart.Api.Media;

/// <summary><c>purpose</c> is the public protocol's name for <c>kind</c>; either may be sent.</summary>
public sealed record MediaUploadRequest(string? Kind, string? ContentType, long? Length, string? Purpose = null)
{
    public string? What => Kind ?? Purpose;
}

/// <summary><c>mediaId</c> names a private upload (verification documents), which has no public <c>url</c>.</summary>
public sealed record MediaUploadResponse(string UploadUrl, string? Url, DateTimeOffset ExpiresAt, long MaxBytes, IReadOnlyDictionary<string, string> Headers, string? MediaId = null);
