using Broadcart.Grains.Rooms;

namespace Broadcart.Grains.Tests;

/// <summary>A relay that records batches and lets a test await a condition over them.</summary>
public sealed class RecordingRelay : IRoomRelay
{
    private readonly Recorded<RoomEventBatch> _batches = new();

    public IReadOnlyList<RoomEventBatch> Batches => _batches.All;

    public IReadOnlyList<RoomEvent> Events => [.. Batches.SelectMany(b => b.Events)];

    public Task OnEvents(RoomEventBatch batch)
    {
        _batches.Add(batch);
        return Task.CompletedTask;
    }

    public Task WaitUntil(Func<IReadOnlyList<RoomEvent>, bool> condition, TimeSpan? timeout = null) =>
        _batches.WaitUntil(batches => condition([.. batches.SelectMany(b => b.Events)]), "the relay's events", timeout ?? TimeSpan.FromSeconds(10));
}
