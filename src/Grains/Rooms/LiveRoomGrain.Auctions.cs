using Broadcart.Grains.Auctions;
using Broadcart.Grains.Common;
using Broadcart.Grains.Products;

namespace Broadcart.Grains.Rooms;

/// <summary>The room's auctions: it opens them and relays their news; the auction grain owns bids and the close.</summary>
public sealed partial class LiveRoomGrain
{
    public async Task<AuctionView> OpenAuction(Actor actor, AuctionRequest request)
    {
        Room.EnsureExists(RoomId);
        Room.EnsureOwner(actor);
        Room.EnsureLive();

        // Checked before anything changes: a refused request leaves the room as it was.
        AuctionRules.Validate(request);
        if (_auction.Current is { IsOpen: true } current)
        {
            // The room's copy may miss a close whose news died in a crash: the auction's own word decides.
            var fresh = await GrainFactory.GetGrain<IAuctionGrain>(current.Key).Get();
            _auction.EnsureNoneOpen(fresh);
            _auction.Replace(fresh);
        }

        var product = _showcase.Find(request.ProductId) ?? await GrainFactory.GetGrain<IProductGrain>(request.ProductId).Get();
        var auctionId = "a" + Guid.CreateVersion7().ToString("N")[..16];
        var auction = await GrainFactory.GetGrain<IAuctionGrain>(AuctionKeys.Key(RoomId, auctionId))
            .Open(new OpenAuction(RoomId, auctionId, request, product));

        // An auction of a product the room does not show yet puts it in the showcase.
        if (_showcase.Find(request.ProductId) is null)
        {
            _showcase.Add(product);
            Enqueue(new ShowcaseChanged(_showcase.Products));
        }

        _auction.Replace(auction);
        await WriteAsync();
        Enqueue(new AuctionChanged(auction));
        return auction;
    }

    public async Task OnAuctionChanged(AuctionView auction)
    {
        switch (_auction.Apply(auction))
        {
            case AuctionNews.Phase:
                await WriteAsync();
                Enqueue(new AuctionChanged(auction));

                // Won and unsold are never held back for coalescing.
                await FlushAsync(CancellationToken.None);
                break;
            case AuctionNews.Bids:
                _stateDirty = true;
                ArmFlush();
                break;
        }
    }
}
