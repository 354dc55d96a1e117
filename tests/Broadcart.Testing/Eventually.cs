using System.Diagnostics;

namespace Broadcart.Testing;

/// <summary>
/// For facts that have no event to await (a feed's contents, a batched charge): probe until the
/// condition holds, and fail with the last observation when the deadline passes.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(50);

    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        var limit = timeout ?? TimeSpan.FromSeconds(20);
        while (true)
        {
            var last = await probe();
            if (done(last))
            {
                return last;
            }

            if (clock.Elapsed > limit)
            {
                throw new TimeoutException($"timed out after {limit.TotalSeconds:0} s waiting for {what}; last seen: {last}");
            }

            await Task.Delay(Pause);
        }
    }
}
