namespace EventPlatform.Core.Ordering.Management;

/// <summary><c>order.refund_retried</c>: the organizer sent a failed refund again, as a new refund of the same amount.</summary>
public sealed record OrderRefundRetriedDetails(string Number, Guid FailedRefundId, Guid RefundId, long AmountMinor, string Currency);

/// <summary><c>order.attention_resolved</c>: the organizer cleared the order's payment problem; the reason it was flagged.</summary>
public sealed record OrderAttentionResolvedDetails(string Number, string? Reason);

/// <summary><c>order.email_retried</c>: the organizer sent one of the order's undelivered emails again.</summary>
public sealed record OrderEmailRetriedDetails(string Number, Guid EmailId);
