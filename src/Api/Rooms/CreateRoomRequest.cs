namespace Broadcart.Api.Rooms;

public sealed record CreateRoomRequest(string? Title, string? Language, string? HomeRegion, string? MerchantId, string? CoverUrl = null);
