namespace Broadcart.Client.Wire;

/// <summary>
/// A short-lived write-only link to upload one file straight to Blob Storage: PUT the bytes to
/// <see cref="UploadUrl"/> with <see cref="Headers"/>. Public media then live at <see cref="Url"/>; a
/// private upload (identity documents) has none and is named by <see cref="MediaId"/>.
/// </summary>
public sealed record MediaUpload(string UploadUrl, string? Url, DateTimeOffset ExpiresAt, long MaxBytes, IReadOnlyDictionary<string, string> Headers, string? MediaId);
