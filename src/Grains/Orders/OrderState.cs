using Broadcart.Grains.Attribution;
using Broadcart.Grains.Common;

namespace Broadcart.Grains.Orders;

[GenerateSerializer, Alias("Broadcart.OrderState")]
public sealed class OrderState
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public OrderStatus Status { get; set; }
    [Id(2)] public string BuyerId { get; set; } = string.Empty;
    [Id(3)] public string MerchantId { get; set; } = string.Empty;
    [Id(4)] public string RoomId { get; set; } = string.Empty;
    [Id(5)] public string ProductId { get; set; } = string.Empty;
    [Id(6)] public int Quantity { get; set; }
    [Id(7)] public string Region { get; set; } = string.Empty;
    [Id(8)] public Money UnitPrice { get; set; } = new("USD", 0);
    [Id(9)] public Money Total { get; set; } = new("USD", 0);
    [Id(10)] public DateTimeOffset CreatedAt { get; set; }
    [Id(11)] public DateTimeOffset ExpiresAt { get; set; }
    [Id(12)] public DateTimeOffset? PaidAt { get; set; }
    [Id(13)] public string? PaymentId { get; set; }
    [Id(14)] public string? SaleKey { get; set; }
    [Id(15)] public string? SaleId { get; set; }
    [Id(16)] public string IdempotencyKey { get; set; } = string.Empty;
    [Id(17)] public bool RefundDue { get; set; }
    [Id(18)] public List<string> FailedPaymentIds { get; set; } = [];

    /// <summary>Sold by a flash sale, whose sweep expires it (no reminder of its own).</summary>
    [Id(19)] public bool ExpiredBySale { get; set; }

    [Id(20)] public DateTimeOffset? RefundedAt { get; set; }

    /// <summary>Set with the refund, cleared once the units are back in stock: a crash between the two is finished by the next notice or activation.</summary>
    [Id(21)] public bool RestockPending { get; set; }

    /// <summary>Whether the paid order's commission was settled (earned by the room's creator, or none due).</summary>
    [Id(22)] public bool CommissionSettled { get; set; }

    /// <summary>The creator whose ledger the commission went to, for a refund to reverse it.</summary>
    [Id(23)] public string? CommissionCreatorId { get; set; }

    /// <summary>Whether the room the order is attributed to was decided (at payment; null <see cref="Attribution"/>: no room).</summary>
    [Id(24)] public bool AttributionDecided { get; set; }

    [Id(25)] public AttributionDecision? Attribution { get; set; }

    /// <summary>Whether the attributed room's metrics counted the order (they take an order id once).</summary>
    [Id(26)] public bool AttributionRecorded { get; set; }

    /// <summary><see cref="OrderSources.Live"/>, or <see cref="OrderSources.Replay"/> for an order from an ended room's replay.</summary>
    [Id(27)] public string? Source { get; set; }

    /// <summary>Won at an auction, which holds its unit (<see cref="Auctions.AuctionKeys.Key"/>).</summary>
    [Id(28)] public string? AuctionKey { get; set; }

    [Id(29)] public string? AuctionId { get; set; }
}
