namespace EventPlatform.Core.Catalog;

/// <summary>
/// Why a ticket type cannot be bought, in order of precedence: when several apply, the first one
/// listed is reported (an event not on sale says so, rather than that its sales window ended).
/// </summary>
public enum ConstraintReason
{
    None,
    EventNotOnSale,
    Inactive,
    MembersOnly,
    /// <summary>A hidden ticket type that no coupon has unlocked for this buyer.</summary>
    Hidden,
    SalesNotStarted,
    SalesEnded,
    /// <summary>The ticket type's own cap is reached, or every session it includes is full.</summary>
    SoldOut,
    /// <summary>Some, not all, of the sessions it includes are full (see the limiting session codes).</summary>
    SessionFull,
}

/// <summary>A session's counters as availability needs them.</summary>
/// <param name="Taken">Places sold or in live, unexpired holds.</param>
public sealed record SessionCounters(string Code, int Capacity, int Taken)
{
    public int Remaining => Math.Max(0, Capacity - Taken);
}

/// <summary>A ticket type's rules and counters as availability needs them.</summary>
public sealed record TicketTypeCounters(
    bool IsActive,
    TicketVisibility Visibility,
    int? QuantityCap,
    int Taken,
    int MinPerOrder,
    int MaxPerOrder,
    DateTimeOffset? SalesStartAt,
    DateTimeOffset SalesEndAt,
    IReadOnlyList<SessionCounters> Sessions);

/// <summary>Who is looking.</summary>
/// <param name="IsMember">A member of the organization (member prices, members-only types and events).</param>
/// <param name="HasUnlockedHidden">A coupon has unlocked the hidden ticket type being asked about.</param>
public sealed record BuyerContext(bool IsMember, bool HasUnlockedHidden = false)
{
    public static BuyerContext Anonymous { get; } = new(false);
}

/// <summary>What a buyer can do with one ticket type right now.</summary>
public sealed record TicketAvailability(
    int Remaining,
    bool IsPurchasable,
    int MaxPurchasable,
    ConstraintReason Reason,
    IReadOnlyList<string> LimitingSessionCodes);

/// <summary>
/// The central rule (docs/product.md, "Availability — the central rule"), computed from counters
/// (never by counting tickets):
/// <code>
/// remaining(session) = capacity − taken           (taken = sold + held)
/// remaining(T)       = min(cap(T) − taken(T), min over its sessions of remaining(session))
/// </code>
/// A ticket type is purchasable when it is active, within its sales window, visible to the buyer,
/// its event is on sale, and remaining(T) ≥ its per-order minimum; then up to
/// min(remaining(T), per-order maximum) can be bought.
/// </summary>
public static class AvailabilityRule
{
    public static TicketAvailability Evaluate(
        EventStatus eventStatus,
        EventVisibility eventVisibility,
        TicketTypeCounters type,
        BuyerContext buyer,
        DateTimeOffset now)
    {
        var sessionRemaining = type.Sessions.Count == 0 ? 0 : type.Sessions.Min(s => s.Remaining);
        var capRemaining = type.QuantityCap is { } cap ? Math.Max(0, cap - type.Taken) : int.MaxValue;
        var remaining = Math.Min(capRemaining, sessionRemaining);

        var reason = Blocker(eventStatus, eventVisibility, type, buyer, now);
        IReadOnlyList<string> limiting = [];
        if (reason == ConstraintReason.None && remaining < Math.Max(1, type.MinPerOrder))
        {
            var full = type.Sessions.Where(s => s.Remaining < Math.Max(1, type.MinPerOrder)).Select(s => s.Code).ToList();
            var capIsTheLimit = capRemaining < Math.Max(1, type.MinPerOrder);
            if (capIsTheLimit || full.Count == type.Sessions.Count)
            {
                reason = ConstraintReason.SoldOut;
            }
            else
            {
                reason = ConstraintReason.SessionFull;
                limiting = full;
            }
        }

        var purchasable = reason == ConstraintReason.None;
        return new TicketAvailability(remaining, purchasable, purchasable ? Math.Min(remaining, type.MaxPerOrder) : 0, reason, limiting);
    }

    private static ConstraintReason Blocker(EventStatus status, EventVisibility visibility, TicketTypeCounters type, BuyerContext buyer,
        DateTimeOffset now)
    {
        if (status != EventStatus.Published || type.Sessions.Count == 0)
        {
            return ConstraintReason.EventNotOnSale;
        }

        if (!type.IsActive)
        {
            return ConstraintReason.Inactive;
        }

        if (!buyer.IsMember && (visibility == EventVisibility.MembersOnly || type.Visibility == TicketVisibility.MembersOnly))
        {
            return ConstraintReason.MembersOnly;
        }

        if (type.Visibility == TicketVisibility.Hidden && !buyer.HasUnlockedHidden)
        {
            return ConstraintReason.Hidden;
        }

        if (type.SalesStartAt is { } start && now < start)
        {
            return ConstraintReason.SalesNotStarted;
        }

        return now >= type.SalesEndAt ? ConstraintReason.SalesEnded : ConstraintReason.None;
    }
}
