using System.Collections.Immutable;

namespace Broadcart.Grains.Deals;

/// <summary>
/// A deal. <see cref="Regions"/> empty means creators anywhere may accept; otherwise a creator's
/// region must be one of them. <see cref="AcceptedBy"/> lists the creators who accepted.
/// </summary>
[GenerateSerializer, Immutable, Alias("Broadcart.DealView")]
public sealed record DealView(
    [property: Id(0)] string DealId,
    [property: Id(1)] string ProductId,
    [property: Id(2)] string MerchantId,
    [property: Id(3)] int CommissionBps,
    [property: Id(4)] long MinFollowers,
    [property: Id(5)] ImmutableArray<string> Regions,
    [property: Id(6)] DateTimeOffset CreatedAt,
    [property: Id(7)] ImmutableArray<string> AcceptedBy);
