namespace Broadcart.Grains.Attribution;

/// <summary>The room an order is attributed to, by which window, decided at <see cref="At"/> (the payment).</summary>
[GenerateSerializer, Immutable, Alias("Broadcart.AttributionDecision")]
public sealed record AttributionDecision(
    [property: Id(0)] string RoomId,
    [property: Id(1)] AttributionWindow Window,
    [property: Id(2)] DateTimeOffset At);
