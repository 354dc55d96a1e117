namespace Broadcart.Grains.Rooms;

[GenerateSerializer, Alias("Broadcart.RoomStatus")]
public enum RoomStatus
{
    Scheduled = 0,
    Live = 1,
    Ended = 2,
}
