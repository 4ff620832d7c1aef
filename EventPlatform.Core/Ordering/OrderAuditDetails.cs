namespace EventPlatform.Core.Ordering;

/// <summary>
/// The order's number alone, for <c>order.replaced</c>, <c>order.details_saved</c> and <c>order.confirmation_resent</c>:
/// the target is the order's id, and people know an order by its number.
/// </summary>
public sealed record OrderNumberDetails(string Number);

/// <summary><c>order.held</c>: the new order's places are reserved until the hold expires; amounts in minor units.</summary>
public sealed record OrderHeldDetails(string Number, int Tickets, long TotalMinor, string Currency, string? CouponCode,
    DateTimeOffset HoldExpiresAt);

/// <summary><c>order.expired</c>: the hold ran out unpaid and its tickets gave their places back.</summary>
public sealed record OrderExpiredDetails(string Number, int Tickets);

/// <summary>
/// <c>order.coupon_applied</c> and <c>order.coupon_removed</c>: the coupon code now on the order (none when removed)
/// and the amounts it leaves.
/// </summary>
public sealed record OrderCouponChangedDetails(string Number, string? Coupon, long DiscountMinor, long TotalMinor);

/// <summary>
/// <c>order.cancelled</c> (every ticket) and <c>order.tickets_cancelled</c> (some): the positions of the tickets
/// cancelled, the refund in minor units (zero when none), and the reason given.
/// </summary>
public sealed record OrderCancellationDetails(string Number, IReadOnlyList<int> Tickets, long RefundMinor, string Currency, string Reason);

/// <summary>
/// <c>ticket.attendee_changed</c>: the ticket's attendee before and after the change, and whether its code was
/// reissued (the name or email changed, so the old code no longer admits).
/// </summary>
public sealed record TicketAttendeeChangedDetails(string Number, int Position, AttendeeContact Before, AttendeeContact After, bool CodeReissued);

/// <summary>Who a ticket is for, as <see cref="TicketAttendeeChangedDetails"/> records it.</summary>
public sealed record AttendeeContact(string? AttendeeName, string? AttendeeEmail);
