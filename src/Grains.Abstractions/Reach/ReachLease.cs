namespace Broadcart.Grains.Reach;

/// <summary>
/// What a feed cache may serve of a room's paid reach in one region until it settles again:
/// <see cref="Granted"/> paid impressions, already set aside from the budget.
/// </summary>
[GenerateSerializer, Immutable, Alias("Broadcart.ReachLease")]
public sealed record ReachLease(
    [property: Id(0)] long Granted,
    [property: Id(1)] bool PaidInRegion);
