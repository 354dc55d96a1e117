namespace Broadcart.Testing;

/// <summary>A room made through the public REST API, and the token of the streamer who made it.</summary>
public sealed record LiveRoom(string RoomId, string StreamerToken);
