using System.Security.Claims;
using System.Text;
using Broadcart.Api.Live;
using Broadcart.Api.Tests.Creators;
using Broadcart.Api.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Broadcart.Api.Tests.Errors;

/// <summary>A node with one user of every caller kind (a verified creator, merchants, moderators, an admin, forged tokens) and a deal, making fresh rooms on demand.</summary>
public sealed class CallerWorld
{
    public const string StreamerId = "mx-streamer";
    private readonly Dictionary<Caller, string?> _tokens;

    private CallerWorld(ApiNode node, Dictionary<Caller, string?> tokens, string dealId)
    {
        Node = node;
        _tokens = tokens;
        DealId = dealId;
    }

    public ApiNode Node { get; }

    public string DealId { get; }

    public string? Token(Caller caller) => _tokens[caller];

    /// <summary>A route pattern with its parameters filled for <paramref name="room"/>.</summary>
    public string Fill(string pattern, WorldRoom room) => pattern
        .Replace("{roomId}", room.RoomId, StringComparison.Ordinal)
        .Replace("{userId}", "mx-target", StringComparison.Ordinal)
        .Replace("{orderId}", room.OrderId, StringComparison.Ordinal)
        .Replace("{productId}", room.ProductId, StringComparison.Ordinal)
        .Replace("{creatorId}", CallerWorld.StreamerId, StringComparison.Ordinal)
        .Replace("{dealId}", DealId, StringComparison.Ordinal)
        .Replace("{auctionId}", "anoauction000000", StringComparison.Ordinal)
        .Replace("{documentName}.json", "v1.json", StringComparison.Ordinal)
        .Replace("{documentName?}", "v1", StringComparison.Ordinal)
        .Replace("/{**path}", string.Empty, StringComparison.Ordinal)
        .Replace("{*path}", string.Empty, StringComparison.Ordinal)
        .Replace("{*address}", "127.0.0.1:11111@1", StringComparison.Ordinal)
        .Replace("{page:int}", "1", StringComparison.Ordinal);

    public static async Task<CallerWorld> CreateAsync(ApiNode node)
    {
        var tokens = new Dictionary<Caller, string?>
        {
            [Caller.Anonymous] = null,
            [Caller.Viewer] = node.MintToken("mx-viewer"),
            [Caller.RoomStreamer] = await CreatorSetup.VerifiedCreatorAsync(node, StreamerId, "US"),
            [Caller.OtherStreamer] = node.MintToken("mx-streamer-2", "streamer"),
            [Caller.RoomMerchant] = node.MintToken("mx-merchant", "merchant"),
            [Caller.OtherMerchant] = node.MintToken("mx-merchant-2", "merchant"),
            [Caller.Moderator] = node.MintToken("mx-moderator", "moderator"),
            [Caller.RoomModerator] = node.MintToken("mx-room-moderator"),
            [Caller.Admin] = node.MintToken("mx-admin", "admin"),
            [Caller.Expired] = Forge("mx-viewer", "viewer", TestSecrets.SigningKey, DateTime.UtcNow.AddHours(-2)),
            [Caller.WrongKey] = Forge("mx-admin", "admin", "a-different-signing-key-that-nobody-trusts-0123456789", DateTime.UtcNow),
        };
        var productId = await node.ProductAsync(tokens[Caller.RoomMerchant]!, stock: 10);
        var deal = await HttpAssert.Ok(node.SendAsync(HttpMethod.Post, "/api/deals", tokens[Caller.RoomMerchant], new { productId, commissionBps = 500, minFollowers = 0 }));
        var world = new CallerWorld(node, tokens, deal.GetProperty("dealId").GetString()!);
        return world;
    }

    public async Task<WorldRoom> RoomAsync()
    {
        var room = await Node.LiveRoomAsync(merchantId: "mx-merchant", streamerToken: Token(Caller.RoomStreamer));
        var productId = await Node.ProductAsync(Token(Caller.RoomMerchant)!, stock: 10);
        await Node.PlaceAsync(room, productId, ProductPlacement.Pinned);
        await HttpAssert.Ok(Node.SendAsync(HttpMethod.Post, $"/api/rooms/{room.RoomId}/moderators/mx-room-moderator", room.StreamerToken));
        var order = await HttpAssert.Ok(Node.SendAsync(HttpMethod.Post, $"/api/rooms/{room.RoomId}/orders", Token(Caller.Viewer),
            new { productId, quantity = 1, idempotencyKey = Guid.NewGuid().ToString("N") }));
        await using var streamer = await Node.ConnectAsync(room.StreamerToken);
        await streamer.JoinAsync(room.RoomId);
        var ack = await streamer.SendChatAsync(room.RoomId, "a line to delete");
        return new WorldRoom(room.RoomId, productId, order.GetProperty("orderId").GetString()!, ack.GetProperty("messageId").GetString()!);
    }

    private static string Forge(string userId, string role, string key, DateTime issuedAt)
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = "broadcart",
            Audience = "broadcart",
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = issuedAt.AddMinutes(30),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
            Subject = new ClaimsIdentity([new Claim("sub", userId), new Claim("name", userId), new Claim("region", "US"), new Claim("role", role)]),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
