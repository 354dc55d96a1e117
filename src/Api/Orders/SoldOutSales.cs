using System.Collections.Concurrent;
using Broadcart.Grains.Commerce;

namespace Broadcart.Api.Orders;

/// <summary>
/// For sales the room reports sold out: the ids of the orders they sold, read from the sale once
/// per sale version, so that the node refuses new buyers itself and still sends replays of orders
/// that exist to the sale.
/// </summary>
public sealed class SoldOutSales(IGrainFactory grains)
{
    private const int MaxSales = 1_000;

    private readonly ConcurrentDictionary<string, Task<Known>> _known = new(StringComparer.Ordinal);

    /// <summary>True when the sale itself said it is sold out and has never sold this order id.</summary>
    public async Task<bool> RefusesAsync(FlashSaleView sale, string orderId)
    {
        if (_known.Count > MaxSales)
        {
            // Read again on demand: one call per sale.
            _known.Clear();
        }

        var entry = _known.AddOrUpdate(
            sale.Key,
            _ => ReadAsync(sale.Key),
            (_, old) => old.IsCompletedSuccessfully && old.Result.Version >= sale.Version || !old.IsCompleted ? old : ReadAsync(sale.Key));
        Known known;
        try
        {
            known = await entry;
        }
        catch
        {
            _known.TryRemove(KeyValuePair.Create(sale.Key, entry));
            return false;
        }

        return known.Phase is FlashSalePhase.SoldOut or FlashSalePhase.Ended && !known.Contains(orderId);
    }

    /// <summary>An order this node just placed: a replay through this node must find it even before the next read.</summary>
    public void Placed(string saleKey, string orderId)
    {
        if (_known.TryGetValue(saleKey, out var entry) && entry.IsCompletedSuccessfully)
        {
            entry.Result.Add(orderId);
        }
    }

    private async Task<Known> ReadAsync(string saleKey)
    {
        var ids = await grains.GetGrain<IFlashSaleGrain>(saleKey).KnownOrders();
        return new Known(ids.Version, ids.Phase, ids.OrderIds);
    }

    private sealed class Known(long version, FlashSalePhase phase, IEnumerable<string> ids)
    {
        private readonly ConcurrentDictionary<string, bool> _ids = new(ids.Select(id => KeyValuePair.Create(id, true)), StringComparer.Ordinal);

        public long Version { get; } = version;

        public FlashSalePhase Phase { get; } = phase;

        public bool Contains(string orderId) => _ids.ContainsKey(orderId);

        public void Add(string orderId) => _ids[orderId] = true;
    }
}
