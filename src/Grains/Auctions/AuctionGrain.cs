using Broadcart.Grains.Common;
using Broadcart.Grains.Inventory;
using Broadcart.Grains.Orders;
using Broadcart.Grains.Rooms;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Broadcart.Grains.Auctions;

/// <summary>
/// One auction. Reentrant so that bids arriving while a write is in flight are decided in memory,
/// in arrival order, on this one activation, and share the next write (<see cref="GroupCommit"/>,
/// as stock does): a bid is answered only once a write holding it is durable, so an acknowledged
/// leading bid survives a crash. It closes from a grain timer at the end (moved by anti-snipe
/// extensions), with a reminder behind it that brings it back after a crash or a deactivation.
/// </summary>
[Reentrant]
public sealed class AuctionGrain : Grain, IAuctionGrain, IRemindable
{
    private const string CloseReminder = "close";

    private readonly IPersistentState<AuctionState> _state;
    private readonly TimeProvider _time;
    private readonly OrderOptions _orders;
    private readonly ILogger<AuctionGrain> _log;
    private readonly GroupCommit _commit;
    private IGrainTimer? _closeTimer;
    private AuctionView? _writing;
    private bool _broken;

    public AuctionGrain(
        [PersistentState("auction", StorageNames.Default)] IPersistentState<AuctionState> state,
        TimeProvider time,
        IOptions<OrderOptions> orders,
        ILogger<AuctionGrain> log)
    {
        _state = state;
        _time = time;
        _orders = orders.Value;
        _log = log;
        _commit = new GroupCommit(WriteAsync, NotifyRoom, _orders.GroupCommit, afterFailure: Break);
    }

    private AuctionState A => _state.State;
    private string Key => this.GetPrimaryKeyString();
    private DateTimeOffset Now => _time.GetUtcNow();

    private bool Settled => A.Phase switch
    {
        AuctionPhase.Won => A.OrderPlaced,
        AuctionPhase.Unsold => A.UnitReturned,
        _ => false,
    };

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (A.Exists)
        {
            if (!Settled)
            {
                ScheduleClose();
            }

            // News of the last writes may have died with the previous activation's silo.
            _ = GrainFactory.GetGrain<ILiveRoomGrain>(A.RoomId).OnAuctionChanged(View());
        }

        return Task.CompletedTask;
    }

    public async Task<AuctionView> Open(OpenAuction command)
    {
        EnsureUsable();
        if (A.Exists)
        {
            return View();
        }

        AuctionRules.Validate(command.Request);
        await GrainFactory.GetGrain<IInventoryGrain>(command.Request.ProductId).Allocate(Key, 1);

        // Before the auction exists: an auction that exists always has its close behind a reminder.
        var duration = TimeSpan.FromSeconds(command.Request.DurationSeconds);
        try
        {
            await this.RegisterOrUpdateReminder(CloseReminder, duration, TimeSpan.FromMinutes(1));
        }
        catch
        {
            // No auction will exist to give the unit back, and the room retries under a new key.
            await GrainFactory.GetGrain<IInventoryGrain>(command.Request.ProductId).ReturnFromSale(Key, 1);
            throw;
        }

        var now = Now;
        A.Exists = true;
        A.RoomId = command.RoomId;
        A.AuctionId = command.AuctionId;
        A.Product = command.Product;
        A.Request = command.Request;
        A.Phase = AuctionPhase.Open;
        A.OpenedAt = now;
        A.EndsAt = now + duration;
        await _commit.CommitAsync();
        ScheduleClose();
        return View();
    }

    public Task<AuctionView> Get() => A.Exists
        ? Task.FromResult(View())
        : throw new BroadcartException(ErrorCodes.NotFound, $"auction {Key} does not exist");

    public Task<StateDiagnostics> GetDiagnostics() => Task.FromResult(new StateDiagnostics(_commit.Writes));

    public async Task<BidResult> Bid(Actor bidder, long amountMinor)
    {
        EnsureUsable();
        if (!A.Exists)
        {
            throw new BroadcartException(ErrorCodes.NotFound, $"auction {Key} does not exist");
        }

        // Every check and the decision run here, synchronously, in one turn: bids are ordered by
        // arrival and each is decided exactly once against every bid before it.
        var now = Now;
        var request = A.Request!;
        if (A.Phase != AuctionPhase.Open || now >= A.EndsAt)
        {
            throw new BroadcartException(CommerceErrors.AuctionEnded, "this auction has ended");
        }

        if (amountMinor is < 1 or > Products.ProductRules.MaxAmountMinor)
        {
            throw new BroadcartException(ErrorCodes.ValidationFailed, $"amountMinor must be between 1 and {Products.ProductRules.MaxAmountMinor}");
        }

        if (!A.Product!.ShipsTo.Contains(bidder.Region))
        {
            throw new BroadcartException(CommerceErrors.NotAvailableInRegion, $"this product is not shipped to {bidder.Region}");
        }

        var minimum = View().MinimumBidMinor;
        if (amountMinor < minimum)
        {
            throw new BroadcartException(CommerceErrors.BidTooLow,
                $"the lowest bid that leads now is {minimum} {request.StartPrice.Currency} (minor units)");
        }

        A.CurrentBidMinor = amountMinor;
        A.Leader = bidder;
        A.Bids++;
        var seq = A.Bids;
        if (request.AntiSnipeSeconds > 0 && A.EndsAt - now <= TimeSpan.FromSeconds(request.AntiSnipeSeconds))
        {
            var extended = now + TimeSpan.FromSeconds(request.ExtendSeconds);
            if (extended > A.EndsAt)
            {
                A.EndsAt = extended;
                A.Extensions++;
                ScheduleClose();
            }
        }

        await _commit.CommitAsync();
        return new BidResult(A.Bids == seq, request.StartPrice with { AmountMinor = amountMinor }, A.EndsAt, seq);
    }

    public async Task Release(string orderId)
    {
        EnsureUsable();
        if (A.WinnerOrder?.OrderId == orderId && !A.UnitSold && !A.UnitReturned)
        {
            await ReturnUnitAsync();
        }
    }

    public async Task Confirm(string orderId)
    {
        EnsureUsable();
        if (A.WinnerOrder?.OrderId == orderId && !A.UnitSold && !A.UnitReturned)
        {
            A.UnitSold = true;
            await _commit.CommitAsync();
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => CloseIfDueAsync();

    private async Task CloseIfDueAsync()
    {
        if (!A.Exists || _broken)
        {
            return;
        }

        if (A.Phase == AuctionPhase.Open)
        {
            if (Now < A.EndsAt)
            {
                // Extended since the reminder or the timer was set.
                ScheduleClose();
                return;
            }

            Close();
            await _commit.CommitAsync();
        }

        await SettleAsync();
    }

    /// <summary>Decided in memory in one turn, so no bid can slip in between the decision and its write.</summary>
    private void Close()
    {
        if (A.Leader is not { } winner)
        {
            A.Phase = AuctionPhase.Unsold;
            return;
        }

        var now = Now;
        var key = AuctionKeys.WinnerIdempotencyKey(A.AuctionId);
        A.Phase = AuctionPhase.Won;
        A.WinnerOrder = new AuctionOrderRecord(
            Key, A.AuctionId, A.RoomId, A.Product!.Id, A.Product.MerchantId, winner,
            A.Request!.StartPrice with { AmountMinor = A.CurrentBidMinor!.Value }, key, now, now + _orders.ReservationTtl,
            OrderIds.For(winner.UserId, key));
    }

    /// <summary>The winner's order, or the unsold unit back in stock; retried by the reminder until done.</summary>
    private async Task SettleAsync()
    {
        try
        {
            if (A.Phase == AuctionPhase.Won && !A.OrderPlaced)
            {
                await GrainFactory.GetGrain<IOrderGrain>(A.WinnerOrder!.OrderId).PlaceFromAuction(A.WinnerOrder);
                A.OrderPlaced = true;
                await _commit.CommitAsync();
            }
            else if (A.Phase == AuctionPhase.Unsold && !A.UnitReturned)
            {
                await ReturnUnitAsync();
            }

            if (Settled && await this.GetReminder(CloseReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }
        }
        catch (Exception ex)
        {
            _log.LogWarning(ex, "Auction {Key} closed but could not settle; its reminder retries", Key);
        }
    }

    private async Task ReturnUnitAsync()
    {
        await GrainFactory.GetGrain<IInventoryGrain>(A.Product!.Id).ReturnFromSale(Key, 1);
        A.UnitReturned = true;
        await _commit.CommitAsync();
    }

    private Task WriteAsync()
    {
        A.Version++;

        // What this write holds: bids decided while it is in flight wait for the next one.
        _writing = View();
        return _state.WriteStateAsync();
    }

    /// <summary>After each durable write the room hears what it made durable, one-way.</summary>
    private void NotifyRoom()
    {
        if (_writing is { } written)
        {
            _ = GrainFactory.GetGrain<ILiveRoomGrain>(written.RoomId).OnAuctionChanged(written);
        }
    }

    private void ScheduleClose()
    {
        var due = A.EndsAt - Now;
        _closeTimer?.Dispose();
        _closeTimer = this.RegisterGrainTimer(
            _ => CloseIfDueAsync(),
            new GrainTimerCreationOptions(due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan));
    }

    private void EnsureUsable()
    {
        if (_broken)
        {
            throw new BroadcartException(ErrorCodes.StorageUnavailable, "the auction is reloading after a failed write; try again shortly");
        }
    }

    /// <summary>After a failed (ambiguous) write, memory may hold bids storage does not: refuse everything and reload.</summary>
    private void Break()
    {
        _broken = true;
        DeactivateOnIdle();
    }

    private AuctionView View() => new(
        A.RoomId, A.AuctionId, A.Product?.Id ?? string.Empty, A.Phase,
        A.Request?.StartPrice ?? new Money("USD", 0), A.Request?.Increment ?? new Money("USD", 0),
        A.CurrentBidMinor, A.Leader?.UserId, A.Leader is { } leader ? BuyerNames.Mask(leader.Name) : null,
        A.Bids, A.EndsAt, A.Request?.AntiSnipeSeconds ?? 0, A.Request?.ExtendSeconds ?? 0, A.Extensions,
        A.OrderPlaced ? A.WinnerOrder?.OrderId : null, A.Version);
}
