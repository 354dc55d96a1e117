using Broadcart.Grains.Commerce.Log;

namespace Broadcart.Grains.Tests.Storage;

/// <summary>
/// The real sale log, with the failure a test cannot time: an append that lands while its answer
/// is lost. Armed for the next append of any sale in the test cluster.
/// </summary>
internal sealed class LostAnswerSaleLog(ISaleLog inner) : ISaleLog
{
    private static int _armed;

    public static void LoseNextAnswer() => Interlocked.Exchange(ref _armed, 1);

    public Task<SaleLogContents> OpenAsync(string saleKey) => inner.OpenAsync(saleKey);

    public async Task AppendAsync(SaleLogCursor cursor, string block)
    {
        var position = cursor.Position;
        await inner.AppendAsync(cursor, block);
        if (Interlocked.Exchange(ref _armed, 0) == 1)
        {
            // The writer never learns where the log now ends, exactly as when the response does not arrive.
            cursor.Position = position;
            throw new TimeoutException($"the answer to an append to the log of sale {cursor.SaleKey} was lost (the append landed)");
        }
    }

    public Task CompactAsync(SaleLogCursor cursor, string fence, string snapshot) => inner.CompactAsync(cursor, fence, snapshot);
}
