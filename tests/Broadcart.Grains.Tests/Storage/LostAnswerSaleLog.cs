using System.Collections.Concurrent;
using Broadcart.Grains.Commerce.Log;

namespace Broadcart.Grains.Tests.Storage;

/// <summary>
/// The real sale log, with the failure a test cannot time: an append that lands while its answer
/// is lost. Armed for one sale's next append: the classes sharing this wrapper run in parallel,
/// and a flag for any sale would be taken by whichever sale appends first.
/// </summary>
internal sealed class LostAnswerSaleLog(ISaleLog inner) : ISaleLog
{
    private static readonly ConcurrentDictionary<string, bool> Armed = new();

    public static void LoseNextAnswer(string saleKey) => Armed[saleKey] = true;

    public Task<SaleLogContents> OpenAsync(string saleKey) => inner.OpenAsync(saleKey);

    public async Task AppendAsync(SaleLogCursor cursor, string block)
    {
        var position = cursor.Position;
        await inner.AppendAsync(cursor, block);
        if (Armed.TryRemove(cursor.SaleKey, out _))
        {
            // The writer never learns where the log now ends, exactly as when the response does not arrive.
            cursor.Position = position;
            throw new TimeoutException($"the answer to an append to the log of sale {cursor.SaleKey} was lost (the append landed)");
        }
    }

    public Task CompactAsync(SaleLogCursor cursor, string fence, string snapshot) => inner.CompactAsync(cursor, fence, snapshot);
}
