namespace EventPlatform.Core.Auditing;

/// <summary>
/// Every action the audit log records, by its namespaced name (<c>order.paid</c>). The names are a
/// contract: admins search the log by them, tests count them, and outgoing webhooks will carry them.
/// Add a new action here; never rename one (old entries keep the old name).
/// </summary>
public static class AuditActions
{
    public static readonly AuditAction CouponChanged = new("coupon.changed");
    public static readonly AuditAction CouponCreated = new("coupon.created");
    public static readonly AuditAction CouponDeactivated = new("coupon.deactivated");
    public static readonly AuditAction CouponDeleted = new("coupon.deleted");

    public static readonly AuditAction CustomerMemberAdded = new("customer_member.added");
    public static readonly AuditAction CustomerMemberRemoved = new("customer_member.removed");

    public static readonly AuditAction EmailRetried = new("email.retried");

    public static readonly AuditAction EventCancelled = new("event.cancelled");
    public static readonly AuditAction EventCoverChanged = new("event.cover_changed");
    public static readonly AuditAction EventCoverRemoved = new("event.cover_removed");
    public static readonly AuditAction EventCreated = new("event.created");
    public static readonly AuditAction EventDeleted = new("event.deleted");
    public static readonly AuditAction EventPublished = new("event.published");
    public static readonly AuditAction EventScheduled = new("event.scheduled");
    public static readonly AuditAction EventUpdated = new("event.updated");

    public static readonly AuditAction KioskCreated = new("kiosk.created");
    public static readonly AuditAction KioskRevoked = new("kiosk.revoked");

    public static readonly AuditAction OrderAttentionResolved = new("order.attention_resolved");
    public static readonly AuditAction OrderCancelled = new("order.cancelled");
    public static readonly AuditAction OrderConfirmationResent = new("order.confirmation_resent");
    public static readonly AuditAction OrderCouponApplied = new("order.coupon_applied");
    public static readonly AuditAction OrderCouponRemoved = new("order.coupon_removed");
    public static readonly AuditAction OrderDetailsSaved = new("order.details_saved");
    public static readonly AuditAction OrderDisputeClosed = new("order.dispute_closed");
    public static readonly AuditAction OrderEmailRetried = new("order.email_retried");
    public static readonly AuditAction OrderExpired = new("order.expired");
    public static readonly AuditAction OrderHeld = new("order.held");
    public static readonly AuditAction OrderLatePaymentRefunded = new("order.late_payment_refunded");
    public static readonly AuditAction OrderPaid = new("order.paid");
    public static readonly AuditAction OrderPaymentDisputed = new("order.payment_disputed");
    public static readonly AuditAction OrderPaymentFailed = new("order.payment_failed");
    public static readonly AuditAction OrderPaymentRefundedUnmatched = new("order.payment_refunded_unmatched");
    public static readonly AuditAction OrderRefundFailed = new("order.refund_failed");
    public static readonly AuditAction OrderRefundRetried = new("order.refund_retried");
    public static readonly AuditAction OrderRefundedOutside = new("order.refunded_outside");
    public static readonly AuditAction OrderRefundedOutsideCancelled = new("order.refunded_outside_cancelled");
    public static readonly AuditAction OrderReplaced = new("order.replaced");
    public static readonly AuditAction OrderTicketsCancelled = new("order.tickets_cancelled");

    public static readonly AuditAction OrganizationCreated = new("organization.created");
    public static readonly AuditAction OrganizationLogoChanged = new("organization.logo_changed");
    public static readonly AuditAction OrganizationPaymentsChanged = new("organization.payments_changed");
    public static readonly AuditAction OrganizationUpdated = new("organization.updated");

    public static readonly AuditAction PaymentUnmatchedRefunded = new("payment.unmatched_refunded");

    public static readonly AuditAction QuestionChanged = new("question.changed");
    public static readonly AuditAction QuestionCreated = new("question.created");
    public static readonly AuditAction QuestionDeleted = new("question.deleted");

    public static readonly AuditAction SessionCreated = new("session.created");
    public static readonly AuditAction SessionDeleted = new("session.deleted");
    public static readonly AuditAction SessionUpdated = new("session.updated");

    public static readonly AuditAction TicketAttendeeChanged = new("ticket.attendee_changed");
    public static readonly AuditAction TicketCheckInRefused = new("ticket.check_in_refused");
    public static readonly AuditAction TicketCheckInUndone = new("ticket.check_in_undone");
    public static readonly AuditAction TicketCheckedIn = new("ticket.checked_in");

    public static readonly AuditAction TicketTypeCreated = new("ticket_type.created");
    public static readonly AuditAction TicketTypeDeleted = new("ticket_type.deleted");
    public static readonly AuditAction TicketTypeUpdated = new("ticket_type.updated");

    /// <summary>Every action above, for checks and for the admin's filter.</summary>
    public static IReadOnlyList<AuditAction> All { get; } =
        typeof(AuditActions).GetFields().Where(f => f.FieldType == typeof(AuditAction)).Select(f => (AuditAction)f.GetValue(null)!).ToList();
}
