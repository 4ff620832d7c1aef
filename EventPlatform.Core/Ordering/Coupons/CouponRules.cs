using EventPlatform.Core.Catalog;
using EventPlatform.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Ordering.Coupons;

/// <summary>Whether a code can be used for an order, and taking one use of it.</summary>
public static class CouponRules
{
    public static async Task<Coupon?> FindAsync(IAppDbContext db, Guid organizationId, string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Trim().Length > 40)
        {
            return null;
        }

        var normalized = Coupon.Normalize(code);
        return await db.Coupons.AsNoTracking().SingleOrDefaultAsync(c => c.OrganizationId == organizationId && c.Code == normalized, ct);
    }

    /// <summary>The problem with using this coupon for these tickets of this event, or null when it fits.</summary>
    /// <remarks>The redemption and per-buyer limits are not checked here: they are settled in the database by <see cref="TryRedeemAsync"/>.</remarks>
    public static string? Problem(Coupon? coupon, Guid eventId, string currency,
        IReadOnlyCollection<(Guid TicketTypeId, long UnitPriceMinor)> tickets, DateTimeOffset now)
    {
        if (coupon is null || !coupon.IsActive)
        {
            return UserMessages.CouponUnknown;
        }

        if (!coupon.IsValidAt(now))
        {
            return UserMessages.CouponNotValidNow;
        }

        if (!coupon.AppliesToEvent(eventId) || !tickets.Any(t => coupon.AppliesToType(t.TicketTypeId)))
        {
            return UserMessages.CouponNotForTheseTickets;
        }

        if (coupon.Kind == CouponKind.FixedAmount && coupon.Currency is { } couponCurrency && couponCurrency != currency)
        {
            return UserMessages.CouponNotForTheseTickets;
        }

        if (coupon.MinimumOrderMinor is { } minimum && tickets.Sum(t => t.UnitPriceMinor) < minimum)
        {
            return string.Format(System.Globalization.CultureInfo.InvariantCulture, UserMessages.CouponMinimumOrder,
                new Money(minimum, currency).Format());
        }

        return null;
    }

    /// <summary>
    /// Takes one use of the coupon inside the caller's transaction: a conditional update of its
    /// counter (so the redemption limit holds under any concurrency), which also locks the coupon
    /// row until commit — and under that lock the per-buyer limit is counted, so it holds too.
    /// </summary>
    /// <returns>null when taken; otherwise why not.</returns>
    public static async Task<string?> TryRedeemAsync(IAppDbContext db, Coupon coupon, Guid excludingOrderId, string? buyerEmail, CancellationToken ct)
    {
        var taken = await db.Coupons.Where(c => c.Id == coupon.Id && c.IsActive && (c.RedemptionLimit == null || c.Redeemed < c.RedemptionLimit))
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.Redeemed, c => c.Redeemed + 1), ct);
        if (taken == 0)
        {
            return UserMessages.CouponUsedUp;
        }

        if (coupon.PerBuyerLimit is { } perBuyer && buyerEmail is not null)
        {
            var used = await UsesByBuyerAsync(db, coupon.Id, excludingOrderId, buyerEmail, ct);
            if (used >= perBuyer)
            {
                return UserMessages.CouponPerBuyerLimit;
            }
        }

        return null;
    }

    /// <summary>Checks the per-buyer limit once the buyer's email is known, locking the coupon row first.</summary>
    public static async Task<string?> CheckPerBuyerAsync(IAppDbContext db, Guid couponId, Guid orderId, string buyerEmail, CancellationToken ct)
    {
        var coupon = await db.Locks.CouponAsync(couponId, ct);
        if (coupon.PerBuyerLimit is not { } perBuyer)
        {
            return null;
        }

        return await UsesByBuyerAsync(db, couponId, orderId, buyerEmail, ct) >= perBuyer ? UserMessages.CouponPerBuyerLimit : null;
    }

    public static Task ReleaseAsync(IAppDbContext db, Guid couponId, CancellationToken ct) =>
        db.Coupons.Where(c => c.Id == couponId && c.Redeemed > 0)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.Redeemed, c => c.Redeemed - 1), ct);

    private static Task<int> UsesByBuyerAsync(IAppDbContext db, Guid couponId, Guid excludingOrderId, string buyerEmail, CancellationToken ct)
    {
        var normalized = buyerEmail.Trim().ToUpperInvariant();
        return db.Orders.CountAsync(o => o.CouponId == couponId && o.Id != excludingOrderId
            && (o.Status == OrderStatus.Pending || o.Status == OrderStatus.Paid)
            && o.NormalizedBuyerEmail == normalized, ct);
    }
}
