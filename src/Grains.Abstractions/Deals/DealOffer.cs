using System.Collections.Immutable;

namespace Broadcart.Grains.Deals;

/// <summary>A merchant's offer: creators who accept earn <see cref="CommissionBps"/> of each paid order's total.</summary>
[GenerateSerializer, Immutable, Alias("Broadcart.DealOffer")]
public sealed record DealOffer(
    [property: Id(0)] string ProductId,
    [property: Id(1)] int CommissionBps,
    [property: Id(2)] long MinFollowers,
    [property: Id(3)] ImmutableArray<string> Regions);
