using EventPlatform.Core.Common;
using EventPlatform.Core.Common.Events;

namespace EventPlatform.Core.Ordering.Holds;

/// <summary>Ending a pending order's hold, shared by expiry, replacement and clean-up.</summary>
public static class OrderHolds
{
    /// <summary>Releases a locked pending order's places and coupon use and marks it expired. No-op for other states.</summary>
    public static async Task<bool> ExpireLockedAsync(IAppDbContext db, Order order, DateTimeOffset now, CancellationToken ct)
    {
        if (order.Status != OrderStatus.Pending)
        {
            return false;
        }

        var reserved = order.Tickets.Where(t => t.Status == TicketStatus.Reserved).ToList();
        var demand = await CapacityDemand.ForTicketsAsync(db, reserved.Select(t => t.TicketTypeId).ToList(), ct);
        await db.Capacity.ReleaseAsync(demand, ct);
        db.Raise(new CapacityReleased(order.EventId, order.Id, demand.BySession, demand.ByTicketType));
        if (order.CouponId is { } couponId)
        {
            await Coupons.CouponRules.ReleaseAsync(db, couponId, ct);
        }

        return order.Expire(now);
    }
}
