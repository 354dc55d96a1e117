using Broadcart.Grains.Inventory;
using Broadcart.Grains.Orders;

namespace Broadcart.Grains.Common;

/// <summary>
/// Finds reservations long past their expiry and asks their orders what became of them: an order
/// that was never recorded (its grain died between reserving and writing) or that expired lets the
/// units go; a paid one confirms them. The order is the source of truth, so a paid order's units
/// are never released by mistake.
/// </summary>
internal static class OrphanSweep
{
    /// <summary>Inspects, then releases and confirms through the holder's own idempotent calls.</summary>
    public static async Task RunAsync(
        IReservable holder, IGrainFactory grains, IReadOnlyDictionary<string, ReservationEntry> reservations, DateTimeOffset now, TimeSpan grace)
    {
        var (release, confirm) = await InspectAsync(grains, reservations, now, grace);
        foreach (var orderId in release)
        {
            await holder.Release(orderId);
        }

        foreach (var orderId in confirm)
        {
            await holder.Confirm(orderId);
        }
    }

    public static async Task<(List<string> Release, List<string> Confirm)> InspectAsync(
        IGrainFactory grains, IReadOnlyDictionary<string, ReservationEntry> reservations, DateTimeOffset now, TimeSpan grace)
    {
        var release = new List<string>();
        var confirm = new List<string>();
        foreach (var (orderId, entry) in reservations.Where(r => !r.Value.Confirmed && r.Value.ExpiresAt + grace < now).ToList())
        {
            var order = await grains.GetGrain<IOrderGrain>(orderId).Find();
            switch (order?.Status)
            {
                case null or OrderStatus.Expired or OrderStatus.Cancelled:
                    release.Add(orderId);
                    break;
                case OrderStatus.Paid:
                    confirm.Add(orderId);
                    break;
                case OrderStatus.Reserved when order.ExpiresAt + grace < now:
                    // Its reminder did not fire (say, reminders were unreachable): expire it now; it releases.
                    await grains.GetGrain<IOrderGrain>(orderId).ExpireIfDue();
                    break;
            }
        }

        return (release, confirm);
    }
}
