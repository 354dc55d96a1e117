namespace Broadcart.Grains.Attribution;

/// <summary>
/// The clock touchpoints and attribution decisions read. It is the system clock; it is its own
/// service so that a test can move attribution days ahead without moving tokens, webhook
/// signatures, reservations and Orleans with it.
/// </summary>
public sealed class AttributionClock(TimeProvider time)
{
    public DateTimeOffset Now => time.GetUtcNow();
}
