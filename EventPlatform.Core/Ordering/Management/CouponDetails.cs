namespace EventPlatform.Core.Ordering.Management;

/// <summary>
/// A coupon as the organizer edits it. Amounts in minor units; times are instants. Also the details of
/// <c>coupon.created</c> and <c>coupon.changed</c> in the audit log, so a member added here reaches webhooks too.
/// </summary>
public sealed record CouponDetails(
    string? Code,
    string? Description,
    CouponKind Kind,
    decimal PercentOff,
    long AmountOffMinor,
    string? Currency,
    IReadOnlyList<Guid> EventIds,
    IReadOnlyList<Guid> TicketTypeIds,
    int? RedemptionLimit,
    int? PerBuyerLimit,
    DateTimeOffset? ValidFrom,
    DateTimeOffset? ValidUntil,
    long? MinimumOrderMinor,
    bool UnlocksHiddenTypes,
    bool IsActive = true);
