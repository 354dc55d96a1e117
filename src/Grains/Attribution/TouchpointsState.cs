namespace Broadcart.Grains.Attribution;

[GenerateSerializer, Alias("Broadcart.TouchpointsState")]
public sealed class TouchpointsState
{
    [Id(0)] public Dictionary<string, RoomTouchState> Rooms { get; set; } = new(StringComparer.Ordinal);
}

[GenerateSerializer, Alias("Broadcart.RoomTouchState")]
public sealed class RoomTouchState
{
    [Id(0)] public DateTimeOffset? LastClick { get; set; }
    [Id(1)] public DateTimeOffset? LastView { get; set; }

    public DateTimeOffset Latest() => (LastClick ?? DateTimeOffset.MinValue) > (LastView ?? DateTimeOffset.MinValue)
        ? LastClick!.Value
        : LastView ?? DateTimeOffset.MinValue;
}
