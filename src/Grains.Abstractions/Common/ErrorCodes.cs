namespace Broadcart.Grains.Common;

/// <summary>The protocol's error codes: a promise to clients, never renamed.</summary>
public static class ErrorCodes
{
    public const string ValidationFailed = "validation_failed";
    public const string NotFound = "not_found";
    public const string Unauthorized = "unauthorized";
    public const string Forbidden = "forbidden";
    public const string RoomNotLive = "room_not_live";
    public const string RoomEnded = "room_ended";
    public const string RoomNotEnded = "room_not_ended";
    public const string NotJoined = "not_joined";
    public const string Muted = "muted";
    public const string SlowMode = "slow_mode";
    public const string RateLimited = "rate_limited";
    public const string Unavailable = "service_unavailable";
    public const string StorageUnavailable = "storage_unavailable";
    public const string BlobNotConfigured = "blob_not_configured";
    public const string Internal = "internal_error";
}
