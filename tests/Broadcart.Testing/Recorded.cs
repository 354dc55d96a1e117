namespace Broadcart.Testing;

/// <summary>What something delivered, in order, from any thread; a test awaits a condition over it with a timeout (never a sleep).</summary>
public sealed class Recorded<T>
{
    private readonly Lock _lock = new();
    private readonly List<T> _items = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<T> All
    {
        get
        {
            lock (_lock)
            {
                return [.. _items];
            }
        }
    }

    public void Add(T item)
    {
        TaskCompletionSource changed;
        lock (_lock)
        {
            _items.Add(item);
            changed = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.SetResult();
    }

    /// <summary>Returns once <paramref name="condition"/> holds over everything recorded so far.</summary>
    public async Task WaitUntil(Func<IReadOnlyList<T>, bool> condition, string what, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                changed = _changed.Task;
            }

            if (condition(All))
            {
                return;
            }

            try
            {
                await changed.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"timed out waiting for {what}; {All.Count} recorded");
            }
        }
    }

    /// <summary>The first item that matches, once one has arrived.</summary>
    public async Task<T> FirstAsync(Func<T, bool> match, string what, TimeSpan? timeout = null)
    {
        await WaitUntil(items => items.Any(match), what, timeout);
        return All.First(match);
    }
}
