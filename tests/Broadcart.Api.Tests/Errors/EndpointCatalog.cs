using System.Security.Claims;
using System.Text;
using Broadcart.Api.Live;
using Broadcart.Api.Tests.Creators;
using Broadcart.Api.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Broadcart.Api.Tests.Errors;

/// <summary>
/// Every REST endpoint and hub method, with who may call it and a valid call to make in a fresh
/// room: the authorization matrix checks the first, the bad-input sweep mutates the second. Both
/// fail on an endpoint or method of the app that is missing here.
/// </summary>
public static class EndpointCatalog
{
    public static readonly Caller[] SignedIn =
        [Caller.Viewer, Caller.RoomStreamer, Caller.OtherStreamer, Caller.RoomMerchant, Caller.OtherMerchant, Caller.Moderator, Caller.RoomModerator, Caller.Admin];

    public static readonly Caller[] Everyone = [.. SignedIn, Caller.Anonymous, Caller.Expired, Caller.WrongKey];
    public static readonly Caller[] Owner = [Caller.RoomStreamer, Caller.Admin];
    public static readonly Caller[] OwnerOrMerchant = [Caller.RoomStreamer, Caller.RoomMerchant, Caller.Admin];
    public static readonly Caller[] Streamers = [Caller.RoomStreamer, Caller.OtherStreamer, Caller.Admin];
    public static readonly Caller[] Merchants = [Caller.RoomMerchant, Caller.OtherMerchant, Caller.Admin];
    public static readonly Caller[] Moderators = [Caller.RoomStreamer, Caller.Moderator, Caller.RoomModerator, Caller.Admin];
    public static readonly Caller[] AdminOnly = [Caller.Admin];

    /// <summary>"METHOD pattern" to who may call it, and how to call it in a fresh room.</summary>
    public static readonly Dictionary<string, (Caller[] Allowed, Func<CallerWorld, WorldRoom, object?> Body)> Rest = new(StringComparer.Ordinal)
    {
        ["GET /health/live"] = (Everyone, NoBody),
        ["GET /health/ready"] = (Everyone, NoBody),
        ["GET /openapi/{documentName}.json"] = (Everyone, NoBody),
        ["GET /asyncapi/v1.json"] = (Everyone, NoBody),
        ["GET /scalar/{documentName?}"] = (Everyone, NoBody),
        ["GET /scalar/scalar.js"] = (Everyone, NoBody),
        ["GET /scalar/scalar.aspnetcore.js"] = (Everyone, NoBody),
        ["GET /scalar/favicon.svg"] = (Everyone, NoBody),
        ["POST /api/dev/token"] = (Everyone, (_, _) => new { userId = "mx-minted" }),
        ["POST /api/rooms/"] = (Streamers, (_, _) => new { title = "Matrix room" }),
        ["GET /api/rooms/{roomId}"] = (SignedIn, NoBody),
        ["POST /api/rooms/{roomId}/start"] = (Owner, NoBody),
        ["POST /api/rooms/{roomId}/end"] = (Owner, NoBody),
        ["POST /api/rooms/{roomId}/moderators/{userId}"] = (Owner, NoBody),
        ["DELETE /api/rooms/{roomId}/moderators/{userId}"] = (Owner, NoBody),
        ["POST /api/rooms/{roomId}/showcase"] = (Owner, (_, r) => new { productId = r.ProductId }),
        ["POST /api/rooms/{roomId}/pin"] = (Owner, (_, r) => new { productId = r.ProductId }),
        ["POST /api/rooms/{roomId}/flash-sales"] = (Owner, (_, r) => new { productId = r.ProductId, quantity = 1, durationSeconds = 60 }),
        ["POST /api/rooms/{roomId}/orders"] = (SignedIn, (_, r) => new { productId = r.ProductId, quantity = 1, idempotencyKey = Guid.NewGuid().ToString("N") }),
        ["GET /api/orders/{orderId}"] = ([Caller.Viewer, Caller.RoomMerchant, Caller.Admin], NoBody),
        ["POST /api/payments/webhook"] = (Everyone, NoBody), // the signature is its authorization: signed below
        ["PUT /api/rooms/{roomId}/reach/"] = (OwnerOrMerchant, (_, _) => new
        {
            regions = new[] { "DE" }, excludedRegions = Array.Empty<string>(),
            budget = new { currency = "USD", amountMinor = 10_000 }, bidCpm = new { currency = "USD", amountMinor = 200 },
        }),
        ["GET /api/rooms/{roomId}/reach/"] = (OwnerOrMerchant, NoBody),
        ["POST /api/rooms/{roomId}/reach/pause"] = (OwnerOrMerchant, NoBody),
        ["POST /api/rooms/{roomId}/reach/resume"] = (OwnerOrMerchant, NoBody),
        ["GET /api/feed"] = (SignedIn, NoBody),
        ["GET /api/rooms/{roomId}/metrics"] = (OwnerOrMerchant, NoBody),
        ["GET /api/rooms/{roomId}/report"] = (OwnerOrMerchant, NoBody),
        ["GET /api/rooms/{roomId}/report.csv"] = (OwnerOrMerchant, NoBody),
        // Global moderators are staff; a room's own moderators moderate its chat live but do not take it away.
        ["GET /api/rooms/{roomId}/replay"] = (SignedIn, NoBody),
        ["POST /api/rooms/{roomId}/auctions/"] = ([Caller.RoomStreamer, Caller.Admin], (w, r) => new { productId = r.ProductId, startPrice = new { currency = "USD", amountMinor = 1000 }, increment = new { currency = "USD", amountMinor = 100 }, durationSeconds = 60 }),
        ["GET /api/rooms/{roomId}/auctions/{auctionId}"] = (SignedIn, NoBody), // allowed callers get 409 room_not_ended: the world's rooms are live
        ["GET /api/rooms/{roomId}/chat/export"] = ([Caller.RoomStreamer, Caller.Moderator, Caller.Admin], NoBody),
        ["POST /api/media/uploads"] = (Streamers, (_, _) => new { purpose = "roomCover", contentType = "image/png", length = 100 }),
        ["POST /api/products/"] = (Merchants, (_, _) => new
        {
            title = "Matrix product", stock = 5,
            prices = new[] { new { region = "US", currency = "USD", amountMinor = 1000 } }, shipsTo = new[] { "US" },
        }),
        ["GET /api/products/{productId}"] = (SignedIn, NoBody),
        ["GET /api/creators/{creatorId}/"] = (SignedIn, NoBody),
        ["POST /api/creators/{creatorId}/follow"] = (SignedIn, NoBody),
        ["DELETE /api/creators/{creatorId}/follow"] = (SignedIn, NoBody),
        ["GET /api/creators/me/earnings"] = (Streamers, NoBody),
        ["PUT /api/creators/me/payout-method"] = (Streamers, (_, _) => new { rail = "local", country = "US", currency = "USD", accountRef = "acct-matrix" }),
        ["GET /api/creators/me/payout-method"] = (Streamers, NoBody),
        ["POST /api/creators/me/payouts"] = (Streamers, (_, _) => new { idempotencyKey = Guid.NewGuid().ToString("N") }),
        ["GET /api/creators/me/payouts"] = (Streamers, NoBody),
        ["GET /api/creators/me/payouts/quote"] = (Streamers, NoBody),
        ["POST /api/creators/me/verification"] = (Streamers, (_, _) => new { legalName = "Matrix Person", country = "US", documentMediaId = "m-doc", selfieMediaId = "m-selfie" }),
        ["GET /api/admin/verifications/"] = (AdminOnly, NoBody),
        ["POST /api/admin/verifications/{creatorId}"] = (AdminOnly, (_, _) => new { decision = "approve" }),
        ["POST /api/deals/"] = ([Caller.RoomMerchant, Caller.Admin], (_, r) => new { productId = r.ProductId, commissionBps = 1000, minFollowers = 0 }),
        // Deals are between merchants and creators: an admin without either role has no list.
        ["GET /api/deals/"] = ([Caller.RoomStreamer, Caller.OtherStreamer, Caller.RoomMerchant, Caller.OtherMerchant], NoBody),
        ["POST /api/deals/{dealId}/accept"] = (Streamers, NoBody),
        ["GET /api/admin/cluster"] = (AdminOnly, NoBody),
        ["GET /api/admin/diagnostics/memory"] = (AdminOnly, NoBody),
        ["GET /api/admin/storage"] = (AdminOnly, NoBody),
        ["POST /api/admin/dashboard/session/"] = (AdminOnly, NoBody),
        ["DELETE /api/admin/dashboard/session/"] = (Everyone, NoBody), // signing out needs no sign-in
    };

    public static readonly Dictionary<string, (Caller[] Allowed, Func<CallerWorld, WorldRoom, object?[]> Args)> Hub = new(StringComparer.Ordinal)
    {
        [nameof(LiveHub.RefuseInvocation)] = (SignedIn, (_, _) => ["SendChat", "the arguments could not be read"]), // always validation_failed
        [nameof(LiveHub.JoinRoom)] = (SignedIn, (_, r) => [r.RoomId]),
        [nameof(LiveHub.LeaveRoom)] = (SignedIn, (_, r) => [r.RoomId]),
        [nameof(LiveHub.SendChat)] = (SignedIn, (_, r) => [r.RoomId, "hello from the matrix"]),
        [nameof(LiveHub.Like)] = (SignedIn, (_, r) => [r.RoomId]),
        [nameof(LiveHub.SetLanguage)] = (SignedIn, (_, _) => ["es"]),
        // A refused bid (not_found) is not a denial; the room's seller may not bid at all (no shill bids).
        [nameof(LiveHub.Bid)] = ([.. SignedIn.Except([Caller.RoomStreamer, Caller.RoomMerchant])], (_, r) => [r.RoomId, "anoauction000000", 1000L]),
        [nameof(LiveHub.MuteUser)] = (Moderators, (_, r) => [r.RoomId, "mx-target", 30]),
        [nameof(LiveHub.DeleteChat)] = (Moderators, (_, r) => [r.RoomId, r.MessageId]),
        [nameof(LiveHub.SetSlowMode)] = (Moderators, (_, r) => [r.RoomId, 0]),
        [nameof(LiveHub.ClickProduct)] = (SignedIn, (_, r) => [r.RoomId, r.ProductId]),
        [nameof(LiveHub.WatchMetrics)] = (OwnerOrMerchant, (_, r) => [r.RoomId]),
        [nameof(LiveHub.Purchase)] = (SignedIn, (_, r) => [r.RoomId, r.ProductId, 1, Guid.NewGuid().ToString("N")]),
    };

    public static object? NoBody(CallerWorld world, WorldRoom room) => null;

}
