using EventPlatform.Core.Catalog;

namespace EventPlatform.Core.Reporting;

/// <summary>A session's places and door: sold, held by pending orders, free, and checked in.</summary>
public sealed record DashboardSession(Guid Id, string Code, string Name, DateTimeOffset StartsAt, int Capacity, int Sold, int Held, int CheckedIn)
{
    public int Free => Math.Max(0, Capacity - Sold - Held);
}

/// <summary>A ticket type's sales: valid tickets, held places, what is left of it, and its revenue (prices after discounts, no fees).</summary>
public sealed record DashboardTicketType(Guid Id, string Name, int Sold, int Held, int Remaining, Money Revenue)
{
    /// <summary>What the type can sell in all right now: sold + held + remaining.</summary>
    public int Capacity => Sold + Held + Remaining;
}

/// <summary>
/// A coupon used for the event: orders paid with it here, the discount it gave here, and its
/// redemptions everywhere against its limit.
/// </summary>
public sealed record CouponUsage(string Code, int PaidOrders, IReadOnlyList<Money> Discount, int Redeemed, int? RedemptionLimit);

/// <summary>
/// The organizer's live view of one event, or of the orders with a ticket for one session of it
/// (<see cref="SessionId"/>): places, door, tickets, money (<see cref="SalesMoney"/> defines each
/// figure) and the same day by day in the event's zone.
/// </summary>
/// <param name="TicketsSold">Valid tickets (paid, not cancelled).</param>
/// <param name="TicketsPending">Tickets in pending orders whose hold has not run out.</param>
/// <param name="PaidOrders">Orders paid and not fully cancelled.</param>
public sealed record DashboardView(
    Guid EventId,
    string TimeZone,
    Guid? SessionId,
    IReadOnlyList<DashboardSession> Sessions,
    IReadOnlyList<DashboardTicketType> TicketTypes,
    int TicketsSold,
    int TicketsPending,
    int PaidOrders,
    SalesSummary Sales,
    IReadOnlyList<CouponUsage> Coupons,
    DateTimeOffset ReadAt);
