namespace Broadcart.Grains.Rooms;

/// <summary>
/// Counters that show how hard a room grain works (calls received, batches sent, the time its turns
/// spent taking chat and flushing to nodes), and the chat languages its nodes reported.
/// </summary>
[GenerateSerializer, Immutable, Alias("Broadcart.RoomDiagnostics")]
public sealed record RoomDiagnostics(
    [property: Id(0)] long CallsReceived,
    [property: Id(1)] long BatchesFlushed,
    [property: Id(2)] int SubscribedNodes,
    [property: Id(3)] long StateWrites,
    [property: Id(4)] System.Collections.Immutable.ImmutableArray<string> Languages = default,
    [property: Id(5)] long LastBatchSeq = 0,
    [property: Id(6)] TimeSpan ChatTime = default,
    [property: Id(7)] TimeSpan FlushTime = default);
