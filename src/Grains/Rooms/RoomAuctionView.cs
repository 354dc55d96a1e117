using Broadcart.Grains.Auctions;
using Broadcart.Grains.Common;

namespace Broadcart.Grains.Rooms;

/// <summary>What an auction's news means for the room.</summary>
internal enum AuctionNews
{
    /// <summary>Older than what the room knows, or about another auction.</summary>
    Stale,

    /// <summary>Bids (and the extensions they made): coalesced into the next update.</summary>
    Bids,

    /// <summary>Won or unsold: written and sent at once.</summary>
    Phase,
}

/// <summary>
/// The room's view of its current auction, the only writer of <see cref="LiveRoomState.CurrentAuction"/>.
/// Bid updates are held like stock, at most one per <see cref="RoomOptions.StockInterval"/>; the
/// final state is never held.
/// </summary>
internal sealed class RoomAuctionView(LiveRoomState room, TimeSpan interval)
{
    private AuctionView? _pending;
    private DateTimeOffset _lastSent;

    public AuctionView? Current => room.CurrentAuction;

    /// <summary>The room's copy may be stale after a crash; <paramref name="fresh"/> is the auction's own word.</summary>
    public void EnsureNoneOpen(AuctionView? fresh)
    {
        if (fresh is { IsOpen: true } open)
        {
            throw new BroadcartException(CommerceErrors.AuctionInProgress, $"auction {open.AuctionId} is still open");
        }
    }

    public void Replace(AuctionView auction)
    {
        room.CurrentAuction = auction;
        _pending = null;
    }

    /// <summary>One-way news can arrive out of order: it is ordered by the auction's durable version.</summary>
    public AuctionNews Apply(AuctionView auction)
    {
        if (room.CurrentAuction?.AuctionId != auction.AuctionId || room.CurrentAuction.Version >= auction.Version)
        {
            return AuctionNews.Stale;
        }

        var phaseChanged = room.CurrentAuction.Phase != auction.Phase;
        room.CurrentAuction = auction;
        if (phaseChanged || !auction.IsOpen)
        {
            _pending = null;
            return AuctionNews.Phase;
        }

        _pending = auction;
        return AuctionNews.Bids;
    }

    /// <summary>The held update if it may go out now; otherwise how long it must still wait.</summary>
    public (AuctionChanged? Update, TimeSpan Wait) TakeHeld(DateTimeOffset now)
    {
        if (_pending is not { } auction)
        {
            return (null, TimeSpan.Zero);
        }

        var wait = _lastSent + interval - now;
        if (wait > TimeSpan.Zero)
        {
            return (null, wait);
        }

        _pending = null;
        _lastSent = now;
        return (new AuctionChanged(auction), TimeSpan.Zero);
    }
}
