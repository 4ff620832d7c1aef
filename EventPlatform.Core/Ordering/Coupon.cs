namespace EventPlatform.Core.Ordering;

public enum CouponKind
{
    Percent,
    FixedAmount,
}

/// <summary>
/// A discount code of one organization. <see cref="Redeemed"/> is a counter like capacity: it is
/// raised by a conditional update when a pending order takes the code (and lowered when that order
/// expires unpaid), so the redemption limit holds under concurrency.
/// </summary>
public class Coupon
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    /// <summary>Upper-case, as typed by buyers in any case.</summary>
    public required string Code { get; set; }
    public string? Description { get; set; }
    public CouponKind Kind { get; set; }
    /// <summary>Percent off (0–100) for <see cref="CouponKind.Percent"/>.</summary>
    public decimal PercentOff { get; set; }
    /// <summary>Amount off in minor units of <see cref="Currency"/> for <see cref="CouponKind.FixedAmount"/>.</summary>
    public long AmountOffMinor { get; set; }
    public string? Currency { get; set; }
    /// <summary>Events it applies to; empty = every event of the organization.</summary>
    public List<Guid> EventIds { get; set; } = [];
    /// <summary>Ticket types it applies to; empty = every type of those events.</summary>
    public List<Guid> TicketTypeIds { get; set; } = [];
    public int? RedemptionLimit { get; set; }
    public int? PerBuyerLimit { get; set; }
    public DateTimeOffset? ValidFrom { get; set; }
    public DateTimeOffset? ValidUntil { get; set; }
    public long? MinimumOrderMinor { get; set; }
    /// <summary>Buyers who enter the code see and may buy hidden ticket types in its scope.</summary>
    public bool UnlocksHiddenTypes { get; set; }
    public bool IsActive { get; set; } = true;
    public int Redeemed { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public static string Normalize(string code) => code.Trim().ToUpperInvariant();

    /// <summary>Usable at <paramref name="now"/>: active and inside its validity window (the end is exclusive).</summary>
    public bool IsValidAt(DateTimeOffset now) =>
        IsActive && (ValidFrom is not { } from || now >= from) && (ValidUntil is not { } until || now < until);

    public bool AppliesToEvent(Guid eventId) => EventIds.Count == 0 || EventIds.Contains(eventId);

    public bool AppliesToType(Guid ticketTypeId) => TicketTypeIds.Count == 0 || TicketTypeIds.Contains(ticketTypeId);
}
