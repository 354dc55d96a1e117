namespace Broadcart.Grains.Rooms;

[GenerateSerializer, Immutable, Alias("Broadcart.ChatAck")]
public sealed record ChatAck([property: Id(0)] string MessageId, [property: Id(1)] long Seq);
