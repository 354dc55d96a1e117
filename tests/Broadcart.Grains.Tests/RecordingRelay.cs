using Broadcart.Grains.Rooms;

namespace Broadcart.Grains.Tests;

/// <summary>A relay that records batches and lets a test await a condition over them.</summary>
public sealed class RecordingRelay : IRoomRelay
{
    private readonly Lock _lock = new();
    private readonly List<RoomEventBatch> _batches = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<RoomEventBatch> Batches
    {
        get
        {
            lock (_lock)
            {
                return [.. _batches];
            }
        }
    }

    public IReadOnlyList<RoomEvent> Events => [.. Batches.SelectMany(b => b.Events)];

    public Task OnEvents(RoomEventBatch batch)
    {
        TaskCompletionSource changed;
        lock (_lock)
        {
            _batches.Add(batch);
            changed = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.SetResult();
        return Task.CompletedTask;
    }

    public async Task WaitUntil(Func<IReadOnlyList<RoomEvent>, bool> condition, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                changed = _changed.Task;
            }

            if (condition(Events))
            {
                return;
            }

            try
            {
                await changed.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"condition not met; events so far: {string.Join(", ", Events.Select(e => e.GetType().Name))}");
            }
        }
    }
}
