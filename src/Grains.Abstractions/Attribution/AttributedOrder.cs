using Broadcart.Grains.Common;

namespace Broadcart.Grains.Attribution;

/// <summary>
/// A paid order as the room it is attributed to counts it: in the buyer's region, in the hour and
/// day of <see cref="At"/> (the day whose rate converts <see cref="Revenue"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("Broadcart.AttributedOrder")]
public sealed record AttributedOrder(
    [property: Id(0)] string OrderId,
    [property: Id(1)] AttributionWindow Window,
    [property: Id(2)] string Region,
    [property: Id(3)] Money Revenue,
    [property: Id(4)] DateTimeOffset At);
