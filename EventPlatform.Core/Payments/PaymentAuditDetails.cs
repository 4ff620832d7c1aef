namespace EventPlatform.Core.Payments;

/// <summary><c>order.paid</c>: the order is confirmed; a late payment is one made after the hold ran out.</summary>
public sealed record OrderPaidDetails(string Number, long TotalMinor, long PaidMinor, string Currency, int Tickets, bool LatePayment,
    bool PaidOffline);

/// <summary><c>order.payment_failed</c>: the gateway declined the order's payment; the buyer may try again.</summary>
public sealed record OrderPaymentFailedDetails(string Number, string? FailureMessage);

/// <summary>
/// What the gateway reported about an order's payment, for <c>order.payment_disputed</c>, <c>order.dispute_closed</c>,
/// <c>order.refunded_outside</c> and <c>order.refunded_outside_cancelled</c>: the reason is the gateway's wording of
/// a problem, the status its status of a dispute, each when it gave one.
/// </summary>
public sealed record PaymentGatewayReportDetails(string Number, string IntentId, long AmountMinor, string? Reason, string? Status);

/// <summary>
/// <c>order.refund_failed</c>: a refund of ours did not go through, refused when sent (the gateway gives no status
/// then) or failed later as its webhook reported; the organizer is told.
/// </summary>
public sealed record OrderRefundFailedDetails(string Number, Guid RefundId, string? IntentId, long AmountMinor, string? Reason, string? Status);

/// <summary><c>order.late_payment_refunded</c>: paid after the hold ran out and the places were gone, so refunded in full.</summary>
public sealed record OrderLatePaymentRefundedDetails(string Number, long AmountMinor);

/// <summary><c>order.payment_refunded_unmatched</c>: a payment that no longer matched the order (another amount or intent) was refunded.</summary>
public sealed record OrderPaymentRefundedUnmatchedDetails(string Number, string IntentId, long AmountMinor);

/// <summary>
/// <c>payment.unmatched_refunded</c>: a payment for an order that no longer exists was sent back; whether the gateway
/// took the refund, and its answer when it did not.
/// </summary>
public sealed record PaymentUnmatchedRefundedDetails(Guid? OrderId, long AmountMinor, bool Succeeded, string? FailureMessage);
