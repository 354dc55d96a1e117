using Broadcart.Grains.Common;
using Broadcart.Grains.Products;

namespace Broadcart.Grains.Auctions;

/// <summary>
/// An auction's whole durable state: small and of fixed size (the leader, not every bid), so a
/// group-committed write costs the same whether it carries one bid or a thousand.
/// </summary>
[GenerateSerializer, Alias("Broadcart.AuctionState")]
public sealed class AuctionState
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public string RoomId { get; set; } = string.Empty;
    [Id(2)] public string AuctionId { get; set; } = string.Empty;
    [Id(3)] public ProductSnapshot? Product { get; set; }
    [Id(4)] public AuctionRequest? Request { get; set; }
    [Id(5)] public AuctionPhase Phase { get; set; }
    [Id(6)] public DateTimeOffset OpenedAt { get; set; }
    [Id(7)] public DateTimeOffset EndsAt { get; set; }
    [Id(8)] public long? CurrentBidMinor { get; set; }
    [Id(9)] public Actor? Leader { get; set; }

    /// <summary>Accepted bids: each leading bid when it arrived counts once.</summary>
    [Id(10)] public int Bids { get; set; }

    [Id(11)] public int Extensions { get; set; }

    /// <summary>Durable writes, for ordering the room's one-way news.</summary>
    [Id(12)] public long Version { get; set; }

    /// <summary>The winner's order, decided with the close so that retries place the same one.</summary>
    [Id(13)] public AuctionOrderRecord? WinnerOrder { get; set; }

    /// <summary>The order grain recorded the winner's order.</summary>
    [Id(14)] public bool OrderPlaced { get; set; }

    /// <summary>The unit went back to inventory (unsold, or the winner's order expired).</summary>
    [Id(15)] public bool UnitReturned { get; set; }

    /// <summary>The winner paid.</summary>
    [Id(16)] public bool UnitSold { get; set; }
}
