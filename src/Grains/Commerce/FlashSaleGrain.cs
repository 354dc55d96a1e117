using System.Collections.Immutable;
using Broadcart.Grains.Common;
using Broadcart.Grains.Inventory;
using Broadcart.Grains.Orders;
using Broadcart.Grains.Products;
using Broadcart.Grains.Rooms;
using Broadcart.Grains.Commerce.Log;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Broadcart.Grains.Commerce;

/// <summary>
/// A flash sale and the system of record for the orders it sells. A purchase is checked in memory
/// (idempotency, per-user limit, stock; sold out costs no storage call), its complete order record
/// joins the next commit, and the buyer is answered once that commit's block is appended to the
/// sale's log. Reentrant, so purchases arriving during an append share the next one.
/// </summary>
/// <remarks>
/// A plain grain with <see cref="GroupCommit"/> rather than a JournaledGrain: GroupCommit already
/// has the failure rule the sale needs (after an ambiguous write nothing more is written from this
/// memory and the grain reactivates from storage), and Orleans' log-consistency providers retry a
/// failed write for as long as it takes, which would hold buyers instead of answering 503.
/// </remarks>
[Reentrant]
public sealed class FlashSaleGrain : Grain, IFlashSaleGrain, IRemindable
{
    private const string SweepReminder = "sweep";

    private readonly ISaleLog _log;
    private readonly TimeProvider _time;
    private readonly OrderOptions _orders;
    private readonly ILogger<FlashSaleGrain> _logger;
    private readonly GroupCommit _commit;
    private readonly SemaphoreSlim _alone = new(1, 1);
    private SaleLogCursor _cursor = null!;
    private List<SaleLogEntry> _pending = [];
    private readonly Dictionary<string, Task> _durable = new(StringComparer.Ordinal);
    private List<PurchaseNotice> _purchases = [];
    private ImmutableArray<PurchaseNotice> _written = [];
    private IGrainTimer? _endTimer;
    private DateTimeOffset _lastAttempt;
    private bool _handingOff;
    private bool _broken;

    public FlashSaleGrain(ISaleLog log, TimeProvider time, IOptions<OrderOptions> orders, ILogger<FlashSaleGrain> logger)
    {
        _log = log;
        _time = time;
        _orders = orders.Value;
        _logger = logger;
        _commit = new GroupCommit(WritePendingAsync, NotifyRoom, afterFailure: Break);
    }

    private FlashSaleState Sale { get; set; } = new();
    private string Key => this.GetPrimaryKeyString();
    private DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>Appends, not state writes: what storage was asked to do for this sale in this activation.</summary>
    private long Appends { get; set; }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var contents = await _log.OpenAsync(Key);
        Sale = contents.Snapshot is { } snapshot ? SaleLogCodec.ReadSnapshot(snapshot) : new FlashSaleState();
        foreach (var line in contents.Blocks)
        {
            var block = SaleLogCodec.ReadBlock(line);
            foreach (var entry in block.Entries)
            {
                Sale.Apply(entry);
            }

            Sale.Version = Math.Max(Sale.Version, block.V);
        }

        _cursor = contents.Cursor;
        this.RegisterGrainTimer(SweepAsync, new GrainTimerCreationOptions(_orders.OrphanGrace, _orders.OrphanGrace));
        this.RegisterGrainTimer(HandOffAsync, new GrainTimerCreationOptions(_orders.HandoffInterval, _orders.HandoffInterval));
        if (Sale.Exists && Sale.Phase != FlashSalePhase.Ended)
        {
            ScheduleEnd();
        }

        // A sale reactivated after a crash may have appended blocks whose news never left the dead silo.
        NotifyRoom();
    }

    public async Task<FlashSaleView> Start(StartFlashSale command)
    {
        EnsureUsable();
        if (Sale.Exists)
        {
            return View();
        }

        FlashSaleRules.Validate(command);
        await GrainFactory.GetGrain<IInventoryGrain>(command.ProductId).Allocate(Key, command.Quantity);

        // Registered before the first order can exist: an order grain with no state looks for its record here.
        await GrainFactory.GetGrain<ISaleDirectoryGrain>(ISaleDirectoryGrain.Key).Register(Key);
        await CommitAsync(new SaleLogEntry(SaleLogEntry.Started, Start: command, At: Now));
        await this.RegisterOrUpdateReminder(SweepReminder, TimeSpan.FromSeconds(command.DurationSeconds), TimeSpan.FromMinutes(1));
        ScheduleEnd();
        return View();
    }

    public Task<FlashSaleView> Get() => Sale.Exists
        ? Task.FromResult(View())
        : throw new BroadcartException(ErrorCodes.NotFound, $"flash sale {Key} does not exist");

    public Task<StateDiagnostics> GetDiagnostics() => Task.FromResult(new StateDiagnostics(Appends));

    public async Task<SalePlacement> Place(SalePurchase purchase)
    {
        EnsureUsable();
        _lastAttempt = Now;
        if (!Sale.Exists)
        {
            return new SalePlacement(null);
        }

        if (Sale.Orders.TryGetValue(purchase.OrderId, out var known))
        {
            EnsureSameOrder(known.Record, purchase);
            if (known.Confirmed || known.Released)
            {
                // Paid or expired: its own grain holds what became of it.
                return new SalePlacement(null);
            }

            if (_durable.TryGetValue(purchase.OrderId, out var writing))
            {
                // The first attempt's block is still being written: answer once it is durable.
                await writing;
            }

            return new SalePlacement(new PlaceOrderResult(OrderViews.From(known.Record), Created: false));
        }

        if (Sale.Settled.Contains(purchase.OrderId) || Sale.Phase == FlashSalePhase.Ended || Now >= Sale.EndsAt)
        {
            return new SalePlacement(null);
        }

        var record = Sell(purchase);
        await CommitAsync(new SaleLogEntry(SaleLogEntry.Sold, Order: record), new PurchaseNotice(
            record.OrderId, record.ProductId, record.Quantity, purchase.Buyer.Name, record.Region, record.Total));
        return new SalePlacement(new PlaceOrderResult(OrderViews.From(record), Created: true));
    }

    /// <summary>Every check runs here, in memory, on the one activation: nothing oversells and a refusal costs no storage call.</summary>
    private SaleOrderRecord Sell(SalePurchase purchase)
    {
        if (purchase.Quantity < 1 || purchase.Quantity > _orders.MaxQuantity)
        {
            throw new BroadcartException(ErrorCodes.ValidationFailed, $"quantity must be between 1 and {_orders.MaxQuantity}");
        }

        var region = purchase.Buyer.Region;
        var offer = RegionalProduct.For(Sale.Product!, region, Sale.Price);
        if (!offer.Available || offer.Price is null)
        {
            throw new BroadcartException(CommerceErrors.NotAvailableInRegion, $"this product is not sold or shipped to {region}");
        }

        var bought = Sale.BoughtByUser.GetValueOrDefault(purchase.Buyer.UserId);
        if (bought + purchase.Quantity > Sale.PerUserLimit)
        {
            throw new BroadcartException(CommerceErrors.LimitExceeded,
                $"this flash sale allows {Sale.PerUserLimit} per buyer; you have {bought}");
        }

        if (Sale.Remaining < purchase.Quantity)
        {
            throw new BroadcartException(CommerceErrors.SoldOut,
                Sale.Remaining == 0 ? "the flash sale is sold out" : $"only {Sale.Remaining} left in the flash sale");
        }

        var now = Now;
        return new SaleOrderRecord(
            purchase.OrderId, purchase.Buyer.UserId, Sale.Product!.MerchantId, Sale.RoomId, Sale.ProductId, Key, Sale.SaleId,
            purchase.Quantity, region, offer.Price, offer.Price.Times(purchase.Quantity), now, now + _orders.ReservationTtl,
            purchase.IdempotencyKey);
    }

    /// <summary>A replay with the order's key must ask for the order it names, not another one.</summary>
    private static void EnsureSameOrder(SaleOrderRecord record, SalePurchase purchase)
    {
        if (record.RoomId != purchase.RoomId || record.ProductId != purchase.ProductId || record.Quantity != purchase.Quantity)
        {
            throw new BroadcartException(CommerceErrors.IdempotencyMismatch, "this idempotency key was already used for a different order");
        }
    }

    public Task<SaleOrderRecord?> Find(string orderId) =>
        Task.FromResult(Sale.Orders.TryGetValue(orderId, out var order) && !IsPending(orderId) ? order.Record : null);

    public Task<SaleOrderIds> KnownOrders() => Task.FromResult(new SaleOrderIds(
        Sale.Version, Sale.Phase, [.. Sale.Orders.Keys, .. Sale.Settled]));

    public async Task Release(string orderId)
    {
        EnsureUsable();
        if (Sale.Orders.TryGetValue(orderId, out var order) && !order.Confirmed && !order.Released)
        {
            await CommitAsync(new SaleLogEntry(SaleLogEntry.Released, OrderId: orderId));
            await ReturnUnsoldToInventoryAsync();
        }
    }

    public async Task Confirm(string orderId)
    {
        EnsureUsable();
        if (Sale.Orders.TryGetValue(orderId, out var order) && !order.Confirmed && !order.Released)
        {
            await CommitAsync(new SaleLogEntry(SaleLogEntry.Confirmed, OrderId: orderId));
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        await EndIfDueAsync();
        await SweepAsync(CancellationToken.None);
        if (Sale.Phase == FlashSalePhase.Ended && Sale.Orders.Count == 0)
        {
            // Nothing left to expire or hand off: the directory and the reminder can let go.
            await GrainFactory.GetGrain<ISaleDirectoryGrain>(ISaleDirectoryGrain.Key).Unregister(Key);
            if (await this.GetReminder(SweepReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }
        }
    }

    /// <summary>Applies changes in memory and answers once the block holding them is durable.</summary>
    private Task CommitAsync(SaleLogEntry entry, PurchaseNotice? purchase = null) => CommitAsync([entry], purchase);

    private async Task CommitAsync(IReadOnlyList<SaleLogEntry> entries, PurchaseNotice? purchase = null)
    {
        foreach (var entry in entries)
        {
            Sale.Apply(entry);
        }

        Task durable;
        if (_orders.GroupCommit)
        {
            _pending.AddRange(entries);
            if (purchase is not null)
            {
                _purchases.Add(purchase);
            }

            durable = _commit.CommitAsync();
        }
        else
        {
            durable = AppendAloneAsync(entries, purchase);
        }

        // Until then a replay of these orders waits for the same write, and nobody else reads them.
        var orders = entries.Where(e => e.Order is not null).Select(e => e.Order!.OrderId).ToList();
        foreach (var id in orders)
        {
            _durable[id] = durable;
        }

        try
        {
            await durable;
        }
        finally
        {
            // Left in place after a failure: the grain refuses everything until it has reloaded.
            if (!_broken)
            {
                foreach (var id in orders)
                {
                    _durable.Remove(id);
                }
            }
        }
    }

    /// <summary>The benchmark's baseline: every change waits for an append of its own.</summary>
    private async Task AppendAloneAsync(IReadOnlyList<SaleLogEntry> entries, PurchaseNotice? purchase)
    {
        await _alone.WaitAsync();
        try
        {
            EnsureUsable();
            await AppendAsync(entries, purchase is null ? [] : [purchase]);
            NotifyRoom();
        }
        catch
        {
            Break();
            throw;
        }
        finally
        {
            _alone.Release();
        }
    }

    private bool IsPending(string orderId) => _durable.ContainsKey(orderId);

    private Task WritePendingAsync()
    {
        // Taken before the first await: whatever arrives during this append waits for the next one.
        var entries = _pending;
        var purchases = _purchases;
        _pending = [];
        _purchases = [];
        return AppendAsync(entries, purchases);
    }

    private async Task AppendAsync(IReadOnlyList<SaleLogEntry> entries, IReadOnlyList<PurchaseNotice> purchases)
    {
        if (entries.Count == 0)
        {
            return;
        }

        var version = Sale.Version + 1;
        await _log.AppendAsync(_cursor, SaleLogCodec.Block(new SaleLogBlock(version, entries)));
        Appends++;
        Sale.Version = Math.Max(Sale.Version, version);
        _written = [.. purchases];
        var ended = Sale.Phase == FlashSalePhase.Ended && !Sale.CompactedAfterEnd;
        if (ended || _cursor.AppendsSinceSnapshot >= _orders.SaleCompactEvery)
        {
            await CompactAsync(ended);
        }
    }

    /// <summary>
    /// The log is folded into a snapshot when it grows and once the sale has ended. The snapshot
    /// may hold changes whose blocks are still to come (this turn's reentrant callers); replaying
    /// them again is harmless, since every entry applies once.
    /// </summary>
    private async Task CompactAsync(bool ended)
    {
        Sale.CompactedAfterEnd |= ended;
        Sale.LogGeneration = _cursor.Generation + 1;
        Sale.Version++;
        var fence = SaleLogCodec.Block(new SaleLogBlock(Sale.Version, [], Fence: Sale.LogGeneration));
        await _log.CompactAsync(_cursor, fence, SaleLogCodec.Snapshot(Sale));
        Appends += 2;
    }

    private void EnsureUsable()
    {
        if (_broken)
        {
            throw new BroadcartException(ErrorCodes.StorageUnavailable, "the flash sale is reloading after a failed write; try again shortly");
        }
    }

    /// <summary>After a failed (ambiguous) append, memory may hold what storage does not: refuse everything and reload.</summary>
    private void Break()
    {
        _broken = true;
        DeactivateOnIdle();
    }

    private void ScheduleEnd()
    {
        var due = Sale.EndsAt - Now;
        _endTimer?.Dispose();
        _endTimer = this.RegisterGrainTimer(
            _ => EndIfDueAsync(),
            new GrainTimerCreationOptions(due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan));
    }

    public async Task<FlashSaleView> End()
    {
        EnsureUsable();
        if (Sale.Exists && Sale.Phase != FlashSalePhase.Ended)
        {
            await CommitAsync(new SaleLogEntry(SaleLogEntry.Ended));
            _endTimer?.Dispose();
            await ReturnUnsoldToInventoryAsync();
        }

        return View();
    }

    private async Task EndIfDueAsync()
    {
        if (!Sale.Exists || Now < Sale.EndsAt || _broken)
        {
            return;
        }

        if (Sale.Phase != FlashSalePhase.Ended)
        {
            await CommitAsync(new SaleLogEntry(SaleLogEntry.Ended));
        }

        await ReturnUnsoldToInventoryAsync();
    }

    private async Task ReturnUnsoldToInventoryAsync()
    {
        if (Sale.ReturnedToInventory == 0)
        {
            return;
        }

        try
        {
            await GrainFactory.GetGrain<IInventoryGrain>(Sale.ProductId).ReturnFromSale(Key, Sale.ReturnedToInventory);
        }
        catch (Exception ex)
        {
            // Cumulative and idempotent: the reminder or the next release hands it back later.
            _logger.LogWarning(ex, "Could not hand unsold units of sale {Sale} back to inventory", Key);
        }
    }

    private void NotifyRoom()
    {
        if (Sale.Exists)
        {
            var purchases = _written;
            _written = [];
            _ = GrainFactory.GetGrain<ILiveRoomGrain>(Sale.RoomId).OnFlashSaleChanged(View(), purchases);
        }
    }

    private FlashSaleView View() => new(
        Sale.SaleId, Sale.RoomId, Sale.ProductId, Sale.Phase, Sale.Quantity, Sale.Remaining, Sale.PerUserLimit,
        Sale.EndsAt, Sale.Price, Sale.Version);

    /// <summary>
    /// Expiry for all the sale's orders on one timer (and the reminder behind it), not a reminder per
    /// order: each unpaid order past its expiry is asked to expire, and it releases its units here.
    /// </summary>
    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        var due = Sale.Orders.Values
            .Where(o => !o.Confirmed && !o.Released && o.Record.ExpiresAt <= Now && !IsPending(o.Record.OrderId))
            .Select(o => o.Record.OrderId)
            .ToList();
        foreach (var orderId in due)
        {
            if (_broken)
            {
                return;
            }

            try
            {
                await GrainFactory.GetGrain<IOrderGrain>(orderId).ExpireIfDue();
            }
            catch (Exception ex)
            {
                _logger.LogWarning(ex, "Expiring order {Order} of sale {Sale} failed; the next sweep retries", orderId, Key);
            }
        }
    }

    /// <summary>
    /// After the rush, each order grain writes its own record, a few per tick; one block then notes
    /// which ones did. Until then the order grains answer from this sale's records.
    /// </summary>
    private async Task HandOffAsync(CancellationToken cancellationToken)
    {
        if (_handingOff || _broken || Now - _lastAttempt < _orders.HandoffQuiet)
        {
            return;
        }

        var batch = Sale.Orders.Values.Where(o => !o.HandedOff && !IsPending(o.Record.OrderId))
            .Take(_orders.HandoffBatch).Select(o => o.Record).ToList();
        if (batch.Count == 0)
        {
            return;
        }

        _handingOff = true;
        try
        {
            var adopted = new List<SaleLogEntry>();
            foreach (var record in batch)
            {
                try
                {
                    await GrainFactory.GetGrain<IOrderGrain>(record.OrderId).Adopt(record);
                    adopted.Add(new SaleLogEntry(SaleLogEntry.HandedOff, OrderId: record.OrderId));
                }
                catch (Exception ex)
                {
                    _logger.LogWarning(ex, "Handing order {Order} of sale {Sale} to its grain failed; the next tick retries", record.OrderId, Key);
                    break;
                }
            }

            if (adopted.Count > 0)
            {
                await CommitAsync(adopted);
            }
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Recording the handoff of sale {Sale} failed", Key);
        }
        finally
        {
            _handingOff = false;
        }
    }
}
