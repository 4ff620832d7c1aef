using EventPlatform.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Ordering.Holds;

/// <summary>Ending a pending order's hold, shared by expiry, replacement and clean-up.</summary>
public static class OrderHolds
{
    /// <summary>
    /// Locks the order row (<c>FOR UPDATE</c>) inside the caller's transaction. Every change of an
    /// order's state takes this lock first, then the counters, so confirmation, expiry and
    /// cancellation of one order are strictly one after the other.
    /// </summary>
    /// <remarks>
    /// The tickets are read by a second statement on purpose: under READ COMMITTED a statement that
    /// waited for the lock sees the newest order row but other tables as of its own start, so
    /// tickets joined into the locking statement could be stale (and be cancelled twice).
    /// </remarks>
    public static async Task<Order?> LockAsync(IAppDbContext db, Guid orderId, CancellationToken ct)
    {
        var order = await db.Orders.FromSql($"SELECT * FROM orders WHERE id = {orderId} FOR UPDATE").SingleOrDefaultAsync(ct);
        if (order is not null)
        {
            order.Tickets = await db.Tickets.Where(t => t.OrderId == orderId).ToListAsync(ct);
        }

        return order;
    }

    /// <summary>Releases a locked pending order's places and coupon use and marks it expired. No-op for other states.</summary>
    public static async Task<bool> ExpireLockedAsync(IAppDbContext db, Order order, DateTimeOffset now, CancellationToken ct)
    {
        if (order.Status != OrderStatus.Pending)
        {
            return false;
        }

        var reserved = order.Tickets.Where(t => t.Status == TicketStatus.Reserved).ToList();
        var demand = await CapacityDemand.ForTicketsAsync(db, reserved.Select(t => t.TicketTypeId).ToList(), ct);
        await CapacityLedger.ReleaseHeldAsync(db, demand, ct);
        if (order.CouponId is { } couponId)
        {
            await Coupons.CouponRules.ReleaseAsync(db, couponId, ct);
        }

        foreach (var ticket in reserved)
        {
            ticket.Status = TicketStatus.Void;
        }

        order.Status = OrderStatus.Expired;
        order.ClosedAt = now;
        return true;
    }
}
