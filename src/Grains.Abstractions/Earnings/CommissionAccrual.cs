using Broadcart.Grains.Common;

namespace Broadcart.Grains.Earnings;

/// <summary>A paid order's commission for the creator whose room sold it.</summary>
[GenerateSerializer, Immutable, Alias("Broadcart.CommissionAccrual")]
public sealed record CommissionAccrual(
    [property: Id(0)] string OrderId,
    [property: Id(1)] string DealId,
    [property: Id(2)] Money Amount,
    [property: Id(3)] DateTimeOffset PaidAt);
