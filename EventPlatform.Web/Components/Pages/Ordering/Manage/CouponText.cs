using System.Globalization;
using EventPlatform.Core.Catalog;
using EventPlatform.Core.Ordering;

namespace EventPlatform.Web.Components.Pages.Ordering.Manage;

/// <summary>How a coupon's terms read in the organizer's list.</summary>
public static class CouponText
{
    public static string Kind(CouponKind kind) => kind switch
    {
        CouponKind.Percent => "Percentage",
        CouponKind.FixedAmount => "Fixed amount",
    };

    /// <summary>"15% off", "€5.00 off".</summary>
    public static string Discount(Coupon coupon) => coupon.Kind switch
    {
        CouponKind.Percent => coupon.PercentOff.ToString("0.##", CultureInfo.InvariantCulture) + "% off",
        CouponKind.FixedAmount => new Money(coupon.AmountOffMinor, coupon.Currency ?? "").Format() + " off",
    };

    /// <summary>"All events", or the events' titles, and how many ticket types when limited to some.</summary>
    public static string Scope(Coupon coupon, IReadOnlyDictionary<Guid, string> eventTitles)
    {
        var events = coupon.EventIds.Count == 0
            ? "All events"
            : string.Join(", ", coupon.EventIds.Select(id => eventTitles.GetValueOrDefault(id, "(deleted event)")));
        return coupon.TicketTypeIds.Count switch
        {
            0 => events,
            1 => events + " · 1 ticket type",
            var n => $"{events} · {n} ticket types",
        };
    }

    /// <summary>"3 / 100" (used / limit), "3 / no limit", with the per-buyer limit when there is one.</summary>
    public static string Usage(Coupon coupon)
    {
        var text = $"{coupon.Redeemed} / {(coupon.RedemptionLimit is { } limit ? limit.ToString(CultureInfo.InvariantCulture) : "no limit")}";
        return coupon.PerBuyerLimit is { } perBuyer ? $"{text} ({perBuyer} per buyer)" : text;
    }

    /// <summary>The validity window in the organization's zone, or "Always".</summary>
    public static string Validity(Coupon coupon, string timeZone) => (coupon.ValidFrom, coupon.ValidUntil) switch
    {
        (null, null) => "Always",
        ({ } from, null) => "From " + EventTime.Format(from, timeZone),
        (null, { } until) => "Until " + EventTime.Format(until, timeZone),
        ({ } from, { } until) => EventTime.FormatRange(from, until, timeZone),
    };
}
