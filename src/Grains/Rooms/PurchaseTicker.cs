using Broadcart.Grains.Orders;

namespace Broadcart.Grains.Rooms;

/// <summary>
/// The "someone just bought" ticker. It is a mood, not a ledger: beyond a few per flush the rest
/// are left out, so a rush does not flood every viewer.
/// </summary>
internal sealed class PurchaseTicker(int maxPerFlush)
{
    private int _shownThisFlush;

    public Purchased? Show(PurchaseNotice notice) =>
        _shownThisFlush++ < maxPerFlush
            ? new Purchased(notice.ProductId, notice.Quantity, BuyerNames.Mask(notice.BuyerName))
            : null;

    public void NextFlush() => _shownThisFlush = 0;
}
