using Broadcart.Grains.Common;

namespace Broadcart.Grains.Auctions;

/// <summary>
/// An accepted bid, answered once it is durable. <see cref="Seq"/> is its place among the accepted
/// bids (1, 2, ...); <see cref="Leading"/> says whether it still led when the answer was made (a
/// higher bid may have arrived while it was being written).
/// </summary>
[GenerateSerializer, Immutable, Alias("Broadcart.BidResult")]
public sealed record BidResult(
    [property: Id(0)] bool Leading,
    [property: Id(1)] Money Amount,
    [property: Id(2)] DateTimeOffset EndsAt,
    [property: Id(3)] int Seq);
