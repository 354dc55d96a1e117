namespace Broadcart.Grains.Common;

/// <summary>
/// Group commit for a reentrant grain: callers change state in memory, then await
/// <see cref="CommitAsync"/>, which completes when a write that includes their change is durable.
/// While one write is in flight, every change made meanwhile waits for the next write, so a hot
/// grain writes once per round trip to storage rather than once per caller.
/// </summary>
/// <remarks>
/// Runs on the grain's scheduler only: no locks, because turns never run in parallel.
/// A failed write is ambiguous (a timed-out write may still have landed), and the state in memory
/// then holds changes whose callers are being told they failed. So after one, nothing more is
/// written from this memory: the waiting batch fails too, later commits fail at once, and
/// <c>afterFailure</c> lets the grain deactivate so that its next activation reads what storage holds.
/// </remarks>
public sealed class GroupCommit(Func<Task> write, Action? afterWrite = null, bool batching = true, Action? afterFailure = null)
{
    private readonly SemaphoreSlim _alone = new(1, 1);
    private TaskCompletionSource? _next;
    private bool _writing;
    private Exception? _failed;

    public long Writes { get; private set; }

    public Task CommitAsync()
    {
        if (_failed is { } failed)
        {
            return Task.FromException(failed);
        }

        if (!batching)
        {
            return WriteAloneAsync();
        }

        _next ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var task = _next.Task;
        if (!_writing)
        {
            _ = PumpAsync();
        }

        return task;
    }

    /// <summary>One write per caller, one at a time: the baseline the benchmark compares group commit with.</summary>
    private async Task WriteAloneAsync()
    {
        await _alone.WaitAsync();
        try
        {
            if (_failed is { } failed)
            {
                throw failed;
            }

            await write();
            Writes++;
            afterWrite?.Invoke();
        }
        catch (Exception ex) when (_failed is null)
        {
            Fail(ex);
            throw;
        }
        finally
        {
            _alone.Release();
        }
    }

    private async Task PumpAsync()
    {
        _writing = true;
        try
        {
            while (_next is { } batch)
            {
                _next = null;
                try
                {
                    await write();
                    Writes++;
                    batch.SetResult();
                    afterWrite?.Invoke();
                }
                catch (Exception ex)
                {
                    Fail(ex);
                    batch.SetException(ex);
                    if (_next is { } waiting)
                    {
                        _next = null;
                        waiting.SetException(ex);
                    }
                }
            }
        }
        finally
        {
            _writing = false;
        }
    }

    private void Fail(Exception ex)
    {
        _failed = ex;
        afterFailure?.Invoke();
    }
}
