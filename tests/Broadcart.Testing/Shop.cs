namespace Broadcart.Testing;

/// <summary>A live room with a merchant's product, and the tokens of the streamer and the merchant.</summary>
public sealed record Shop(string RoomId, string ProductId, string StreamerToken, string MerchantToken);
