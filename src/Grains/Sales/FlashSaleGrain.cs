using Broadcart.Grains.Common;
using Broadcart.Grains.Inventory;
using Broadcart.Grains.Orders;
using Broadcart.Grains.Rooms;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Broadcart.Grains.Sales;

/// <summary>
/// A flash sale: units taken from inventory at start, per-user limits, group-committed
/// reservations like inventory's. It ends on a timer, with a reminder behind it in case the silo
/// dies, and hands unsold units back to inventory, also later ones released by expiring orders.
/// </summary>
[Reentrant]
public sealed class FlashSaleGrain : Grain, IFlashSaleGrain, IRemindable
{
    private const string EndReminder = "end";

    private readonly IPersistentState<FlashSaleState> _state;
    private readonly TimeProvider _time;
    private readonly OrderOptions _orders;
    private readonly ILogger<FlashSaleGrain> _log;
    private readonly GroupCommit _commit;
    private IGrainTimer? _endTimer;

    public FlashSaleGrain(
        [PersistentState("sale", StorageNames.Default)] IPersistentState<FlashSaleState> state,
        TimeProvider time,
        IOptions<OrderOptions> orders,
        ILogger<FlashSaleGrain> log)
    {
        _state = state;
        _time = time;
        _orders = orders.Value;
        _log = log;
        _commit = new GroupCommit(WriteAsync, NotifyRoom, _orders.GroupCommit, afterFailure: DeactivateOnIdle);
    }

    private FlashSaleState Sale => _state.State;
    private DateTimeOffset Now => _time.GetUtcNow();
    private IInventoryGrain Inventory => GrainFactory.GetGrain<IInventoryGrain>(Sale.ProductId);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(SweepAsync, new GrainTimerCreationOptions(_orders.OrphanGrace, _orders.OrphanGrace));
        if (Sale.Exists && Sale.Phase != FlashSalePhase.Ended)
        {
            ScheduleEnd();
        }

        return Task.CompletedTask;
    }

    public async Task<FlashSaleView> Start(StartFlashSale command)
    {
        if (Sale.Exists)
        {
            return View();
        }

        FlashSaleRules.Validate(command);
        var saleKey = this.GetPrimaryKeyString();
        await GrainFactory.GetGrain<IInventoryGrain>(command.ProductId).Allocate(saleKey, command.Quantity);

        Sale.Exists = true;
        Sale.RoomId = command.RoomId;
        Sale.SaleId = command.SaleId;
        Sale.ProductId = command.ProductId;
        Sale.Phase = FlashSalePhase.Started;
        Sale.Quantity = command.Quantity;
        Sale.Remaining = command.Quantity;
        Sale.PerUserLimit = command.PerUserLimit;
        Sale.EndsAt = Now.AddSeconds(command.DurationSeconds);
        Sale.Price = command.Price;
        await WriteAsync();
        await this.RegisterOrUpdateReminder(EndReminder, TimeSpan.FromSeconds(command.DurationSeconds), TimeSpan.FromMinutes(1));
        ScheduleEnd();
        return View();
    }

    public Task<FlashSaleView> Get()
    {
        if (!Sale.Exists)
        {
            throw new BroadcartException(ErrorCodes.NotFound, $"flash sale {this.GetPrimaryKeyString()} does not exist");
        }

        return Task.FromResult(View());
    }

    public async Task<int> Reserve(ReserveRequest request)
    {
        if (!Sale.Exists)
        {
            throw new BroadcartException(ErrorCodes.NotFound, "no such flash sale");
        }

        if (Sale.Reservations.ContainsKey(request.OrderId))
        {
            await _commit.CommitAsync();
            return Sale.Remaining;
        }

        if (Sale.Phase == FlashSalePhase.Ended || Now >= Sale.EndsAt)
        {
            throw new BroadcartException(CommerceErrors.SoldOut, "the flash sale has ended");
        }

        var bought = Sale.BoughtByUser.GetValueOrDefault(request.BuyerId);
        if (bought + request.Quantity > Sale.PerUserLimit)
        {
            throw new BroadcartException(CommerceErrors.LimitExceeded,
                $"this flash sale allows {Sale.PerUserLimit} per buyer; you have {bought}");
        }

        if (Sale.Remaining < request.Quantity)
        {
            throw new BroadcartException(CommerceErrors.SoldOut,
                Sale.Remaining == 0 ? "the flash sale is sold out" : $"only {Sale.Remaining} left in the flash sale");
        }

        Sale.Remaining -= request.Quantity;
        Sale.BoughtByUser[request.BuyerId] = bought + request.Quantity;
        Sale.Reservations[request.OrderId] = new ReservationEntry
        {
            BuyerId = request.BuyerId,
            Quantity = request.Quantity,
            ExpiresAt = request.ExpiresAt,
        };
        if (Sale.Remaining == 0)
        {
            Sale.Phase = FlashSalePhase.SoldOut;
        }

        try
        {
            await _commit.CommitAsync();
        }
        catch
        {
            Undo(request.OrderId);
            throw;
        }

        return Sale.Remaining;
    }

    public async Task Release(string orderId)
    {
        if (!Undo(orderId))
        {
            return;
        }

        if (Sale.Phase == FlashSalePhase.Ended)
        {
            // The sale is over: the units go back to general stock, not to the sale.
            Sale.ReturnedToInventory += Sale.Remaining;
            Sale.Remaining = 0;
        }

        await _commit.CommitAsync();
        await HandBackAsync();
    }

    public async Task Confirm(string orderId)
    {
        if (Sale.Reservations.TryGetValue(orderId, out var entry) && !entry.Confirmed)
        {
            entry.Confirmed = true;
            await _commit.CommitAsync();
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => EndIfDueAsync();

    private bool Undo(string orderId)
    {
        if (!Sale.Reservations.TryGetValue(orderId, out var entry) || entry.Confirmed)
        {
            return false;
        }

        Sale.Reservations.Remove(orderId);
        Sale.Remaining += entry.Quantity;
        Sale.BoughtByUser[entry.BuyerId] = Math.Max(0, Sale.BoughtByUser.GetValueOrDefault(entry.BuyerId) - entry.Quantity);
        if (Sale.Phase == FlashSalePhase.SoldOut && Sale.Remaining > 0)
        {
            Sale.Phase = FlashSalePhase.Started;
        }

        return true;
    }

    private void ScheduleEnd()
    {
        var due = Sale.EndsAt - Now;
        _endTimer?.Dispose();
        _endTimer = this.RegisterGrainTimer(
            _ => EndIfDueAsync(),
            new GrainTimerCreationOptions(due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan));
    }

    private async Task EndIfDueAsync()
    {
        if (!Sale.Exists || Now < Sale.EndsAt)
        {
            return;
        }

        if (Sale.Phase != FlashSalePhase.Ended)
        {
            Sale.Phase = FlashSalePhase.Ended;
            Sale.ReturnedToInventory += Sale.Remaining;
            Sale.Remaining = 0;
            await _commit.CommitAsync();
        }

        await HandBackAsync();
        if (await this.GetReminder(EndReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private async Task HandBackAsync()
    {
        try
        {
            await Inventory.ReturnFromSale(this.GetPrimaryKeyString(), Sale.ReturnedToInventory);
        }
        catch (Exception ex)
        {
            // Cumulative and idempotent: the reminder or the next release hands it back later.
            _log.LogWarning(ex, "Could not hand unsold units of sale {Sale} back to inventory", this.GetPrimaryKeyString());
        }
    }

    private Task WriteAsync()
    {
        Sale.Version++;
        return _state.WriteStateAsync();
    }

    private void NotifyRoom()
    {
        if (Sale.Exists)
        {
            _ = GrainFactory.GetGrain<ILiveRoomGrain>(Sale.RoomId).FlashSaleChanged(View());
        }
    }

    private FlashSaleView View() => new(
        Sale.SaleId, Sale.RoomId, Sale.ProductId, Sale.Phase, Sale.Quantity, Sale.Remaining, Sale.PerUserLimit,
        Sale.EndsAt, Sale.Price, _commit.Writes, Sale.Version);

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        try
        {
            await OrphanSweep.RunAsync(this, GrainFactory, Sale.Reservations, Now, _orders.OrphanGrace);
        }
        catch (Exception ex)
        {
            _log.LogWarning(ex, "Sweep of sale {Sale} failed; next tick retries", this.GetPrimaryKeyString());
        }
    }
}
