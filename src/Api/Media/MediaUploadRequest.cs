namespace Broadcart.Api.Media;

public sealed record MediaUploadRequest(string? Kind, string? ContentType, long? Length);

public sealed record MediaUploadResponse(string UploadUrl, string Url, DateTimeOffset ExpiresAt, long MaxBytes, IReadOnlyDictionary<string, string> Headers);
