using Broadcart.Grains.Common;
using Broadcart.Grains.Orders;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Broadcart.Grains.Inventory;

/// <summary>
/// A product's stock. Reentrant so that reservations arriving during a write are checked and
/// applied in memory and share the next write (group commit); every check runs on this one
/// activation, so stock never goes negative.
/// </summary>
[Reentrant]
public sealed class InventoryGrain : Grain, IInventoryGrain
{
    private readonly IPersistentState<InventoryState> _state;
    private readonly TimeProvider _time;
    private readonly OrderOptions _orders;
    private readonly ILogger<InventoryGrain> _log;
    private readonly GroupCommit _commit;

    public InventoryGrain(
        [PersistentState("inventory", StorageNames.Default)] IPersistentState<InventoryState> state,
        TimeProvider time,
        IOptions<OrderOptions> orders,
        ILogger<InventoryGrain> log)
    {
        _state = state;
        _time = time;
        _orders = orders.Value;
        _log = log;
        _commit = new GroupCommit(() => _state.WriteStateAsync(), batching: _orders.GroupCommit, afterFailure: DeactivateOnIdle);
    }

    private InventoryState Stock => _state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(SweepAsync, new GrainTimerCreationOptions(_orders.OrphanGrace, _orders.OrphanGrace));
        return Task.CompletedTask;
    }

    public async Task Initialize(int stock)
    {
        if (Stock.Initialized)
        {
            return;
        }

        Stock.Initialized = true;
        Stock.Available = stock;
        await _commit.CommitAsync();
    }

    public Task<StockLevel> GetStock() => Task.FromResult(new StockLevel(
        Stock.Available,
        Stock.Reservations.Values.Where(r => !r.Confirmed).Sum(r => r.Quantity),
        Stock.Sold,
        Stock.Sales.Values.Sum(s => s.Allocated - s.Returned)));

    public Task<StateDiagnostics> GetDiagnostics() => Task.FromResult(new StateDiagnostics(_commit.Writes));

    public async Task<int> Reserve(ReserveRequest request)
    {
        EnsureInitialized();
        if (Stock.Reservations.ContainsKey(request.OrderId))
        {
            // A retry of an order already holding units: answer once its write is durable too.
            await _commit.CommitAsync();
            return Stock.Available;
        }

        if (request.Quantity < 1)
        {
            throw new BroadcartException(ErrorCodes.ValidationFailed, "quantity must be at least 1");
        }

        if (Stock.Available < request.Quantity)
        {
            throw new BroadcartException(CommerceErrors.SoldOut,
                Stock.Available == 0 ? "this product is sold out" : $"only {Stock.Available} left");
        }

        Stock.Available -= request.Quantity;
        Stock.Reservations[request.OrderId] = new ReservationEntry
        {
            BuyerId = request.BuyerId,
            Quantity = request.Quantity,
            ExpiresAt = request.ExpiresAt,
        };

        try
        {
            await _commit.CommitAsync();
        }
        catch
        {
            if (Stock.Reservations.Remove(request.OrderId, out var entry))
            {
                Stock.Available += entry.Quantity;
            }

            throw;
        }

        return Stock.Available;
    }

    public async Task Release(string orderId)
    {
        if (Stock.Reservations.TryGetValue(orderId, out var entry) && !entry.Confirmed)
        {
            Stock.Reservations.Remove(orderId);
            Stock.Available += entry.Quantity;
            await _commit.CommitAsync();
        }
    }

    /// <summary>A sold reservation shrinks to the counter: state does not grow with the product's order count.</summary>
    public async Task Confirm(string orderId)
    {
        if (Stock.Reservations.Remove(orderId, out var entry) && !entry.Confirmed)
        {
            Stock.Sold += entry.Quantity;
            await _commit.CommitAsync();
        }
    }

    public async Task Allocate(string saleKey, int quantity)
    {
        EnsureInitialized();
        if (Stock.Sales.ContainsKey(saleKey))
        {
            return;
        }

        if (quantity < 1 || Stock.Available < quantity)
        {
            throw new BroadcartException(CommerceErrors.InsufficientStock,
                $"the sale needs {quantity} units; {Stock.Available} are available");
        }

        Stock.Available -= quantity;
        Stock.Sales[saleKey] = new SaleAllocation { Allocated = quantity };
        try
        {
            await _commit.CommitAsync();
        }
        catch
        {
            if (Stock.Sales.Remove(saleKey))
            {
                Stock.Available += quantity;
            }

            throw;
        }
    }

    public async Task ReturnFromSale(string saleKey, int returnedSoFar)
    {
        if (!Stock.Sales.TryGetValue(saleKey, out var sale) || returnedSoFar <= sale.Returned)
        {
            return;
        }

        var delta = Math.Min(returnedSoFar, sale.Allocated) - sale.Returned;
        sale.Returned += delta;
        Stock.Available += delta;
        await _commit.CommitAsync();
    }

    public async Task Restock(string orderId, int quantity)
    {
        EnsureInitialized();
        if (quantity < 1 || !Stock.Restocked.Add(orderId))
        {
            return;
        }

        Stock.Available += quantity;
        Stock.Sold = Math.Max(0, Stock.Sold - quantity);
        try
        {
            await _commit.CommitAsync();
        }
        catch
        {
            if (Stock.Restocked.Remove(orderId))
            {
                Stock.Available -= quantity;
                Stock.Sold += quantity;
            }

            throw;
        }
    }

    private void EnsureInitialized()
    {
        if (!Stock.Initialized)
        {
            throw new BroadcartException(ErrorCodes.NotFound, $"product {this.GetPrimaryKeyString()} has no inventory");
        }
    }

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        try
        {
            await OrphanSweep.RunAsync(this, GrainFactory, Stock.Reservations, _time.GetUtcNow(), _orders.OrphanGrace);
        }
        catch (Exception ex)
        {
            _log.LogWarning(ex, "Sweep of inventory {ProductId} failed; next tick retries", this.GetPrimaryKeyString());
        }
    }
}
