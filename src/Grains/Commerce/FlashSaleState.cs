using Broadcart.Grains.Common;
using Broadcart.Grains.Products;
using Broadcart.Grains.Commerce.Log;

namespace Broadcart.Grains.Commerce;

/// <summary>
/// A sale in memory, rebuilt from its snapshot and log. Orders it still answers for are kept
/// whole; an order that is settled (paid or released) and written by its own grain shrinks to its
/// id (replays must still be recognised) and to the counters.
/// </summary>
public sealed class FlashSaleState
{
    public bool Exists { get; set; }
    public string RoomId { get; set; } = string.Empty;
    public string SaleId { get; set; } = string.Empty;
    public string ProductId { get; set; } = string.Empty;
    public ProductSnapshot? Product { get; set; }
    public FlashSalePhase Phase { get; set; }
    public int Quantity { get; set; }
    public int Remaining { get; set; }
    public int PerUserLimit { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public Money? Price { get; set; }
    public Dictionary<string, SaleOrder> Orders { get; set; } = new(StringComparer.Ordinal);
    public HashSet<string> Settled { get; set; } = new(StringComparer.Ordinal);
    public Dictionary<string, int> BoughtByUser { get; set; } = new(StringComparer.Ordinal);
    public int Sold { get; set; }
    public int Released { get; set; }

    /// <summary>Units handed back to inventory so far (cumulative, so handing back is idempotent).</summary>
    public int ReturnedToInventory { get; set; }

    /// <summary>The last block's number: grows with every commit and survives reactivation, so the room can order the sale's news.</summary>
    public long Version { get; set; }

    /// <summary>Which log follows this snapshot.</summary>
    public int LogGeneration { get; set; }

    public bool CompactedAfterEnd { get; set; }

    public bool Knows(string orderId) => Orders.ContainsKey(orderId) || Settled.Contains(orderId);

    public void Apply(SaleLogEntry entry)
    {
        switch (entry.Kind)
        {
            case SaleLogEntry.Started when !Exists && entry.Start is { } start:
                Exists = true;
                RoomId = start.RoomId;
                SaleId = start.SaleId;
                ProductId = start.ProductId;
                Product = start.Product;
                Phase = FlashSalePhase.Started;
                Quantity = start.Quantity;
                Remaining = start.Quantity;
                PerUserLimit = start.PerUserLimit;
                EndsAt = entry.At!.Value.AddSeconds(start.DurationSeconds);
                Price = start.Price;
                break;
            case SaleLogEntry.Sold when entry.Order is { } order && !Knows(order.OrderId):
                Orders[order.OrderId] = new SaleOrder { Record = order };
                Remaining -= order.Quantity;
                BoughtByUser[order.BuyerId] = BoughtByUser.GetValueOrDefault(order.BuyerId) + order.Quantity;
                if (Remaining <= 0 && Phase == FlashSalePhase.Started)
                {
                    Phase = FlashSalePhase.SoldOut;
                }

                break;
            case SaleLogEntry.Confirmed when Open(entry.OrderId) is { } order:
                order.Confirmed = true;
                Sold += order.Record.Quantity;
                Settle(order);
                break;
            case SaleLogEntry.Released when Open(entry.OrderId) is { } order:
                order.Released = true;
                Released += order.Record.Quantity;
                BoughtByUser[order.Record.BuyerId] = Math.Max(0, BoughtByUser.GetValueOrDefault(order.Record.BuyerId) - order.Record.Quantity);
                if (Phase == FlashSalePhase.Ended)
                {
                    // The sale is over: the units go back to general stock, not to the sale.
                    ReturnedToInventory += order.Record.Quantity;
                }
                else
                {
                    Remaining += order.Record.Quantity;
                    Phase = FlashSalePhase.Started;
                }

                Settle(order);
                break;
            case SaleLogEntry.HandedOff when entry.OrderId is { } id && Orders.TryGetValue(id, out var order):
                order.HandedOff = true;
                Settle(order);
                break;
            case SaleLogEntry.Ended when Phase != FlashSalePhase.Ended:
                Phase = FlashSalePhase.Ended;
                ReturnedToInventory += Remaining;
                Remaining = 0;
                break;
        }
    }

    private SaleOrder? Open(string? orderId) =>
        orderId is not null && Orders.TryGetValue(orderId, out var order) && !order.Confirmed && !order.Released ? order : null;

    private void Settle(SaleOrder order)
    {
        if (order.HandedOff && (order.Confirmed || order.Released))
        {
            Orders.Remove(order.Record.OrderId);
            Settled.Add(order.Record.OrderId);
        }
    }
}

public sealed class SaleOrder
{
    public required SaleOrderRecord Record { get; init; }
    public bool Confirmed { get; set; }
    public bool Released { get; set; }

    /// <summary>Its order grain has written the order itself.</summary>
    public bool HandedOff { get; set; }
}
