namespace Broadcart.Api.Tests.Errors;

/// <summary>A room of the streamer, with the merchant's product pinned, an order by the viewer, the room moderator appointed and a chat line.</summary>
public sealed record WorldRoom(string RoomId, string ProductId, string OrderId, string MessageId);
