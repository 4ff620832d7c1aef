using EventPlatform.Core.Catalog.Management;
using EventPlatform.Core.CheckIn;
using EventPlatform.Core.Messaging.Reminders;
using EventPlatform.Core.Notifications.Templates;
using EventPlatform.Core.Ordering;
using EventPlatform.Core.Ordering.Management;
using EventPlatform.Core.Organizations;
using EventPlatform.Core.Organizations.Pages;
using EventPlatform.Core.Payments;

namespace EventPlatform.Core.Auditing;

/// <summary>
/// Every action the audit log records, by its namespaced name (<c>order.paid</c>), with the record its
/// details must be. Names and details are a contract: admins search the log by name, tests count them,
/// and outgoing webhooks will carry both. Add a new action here; never rename one (old entries keep the
/// old name), and only add members to its details record, so old entries still read.
/// </summary>
public static class AuditActions
{
    public static readonly AuditAction<CouponDetails> CouponChanged = new("coupon.changed");
    public static readonly AuditAction<CouponDetails> CouponCreated = new("coupon.created");
    public static readonly AuditAction CouponDeactivated = new("coupon.deactivated");
    public static readonly AuditAction CouponDeleted = new("coupon.deleted");

    public static readonly AuditAction CustomerMemberAdded = new("customer_member.added");
    public static readonly AuditAction CustomerMemberRemoved = new("customer_member.removed");

    public static readonly AuditAction EmailRetried = new("email.retried");

    public static readonly AuditAction EventCancelled = new("event.cancelled");
    public static readonly AuditAction<EventCoverChangedDetails> EventCoverChanged = new("event.cover_changed");
    public static readonly AuditAction EventCoverRemoved = new("event.cover_removed");
    public static readonly AuditAction<EventCreatedDetails> EventCreated = new("event.created");
    public static readonly AuditAction EventDeleted = new("event.deleted");
    public static readonly AuditAction EventPublished = new("event.published");
    public static readonly AuditAction EventScheduled = new("event.scheduled");
    public static readonly AuditAction<EventUpdatedDetails> EventUpdated = new("event.updated");

    public static readonly AuditAction<KioskCreatedDetails> KioskCreated = new("kiosk.created");
    public static readonly AuditAction KioskRevoked = new("kiosk.revoked");

    public static readonly AuditAction<OrderAttentionResolvedDetails> OrderAttentionResolved = new("order.attention_resolved");
    public static readonly AuditAction<OrderCancellationDetails> OrderCancelled = new("order.cancelled");
    public static readonly AuditAction<OrderNumberDetails> OrderConfirmationResent = new("order.confirmation_resent");
    public static readonly AuditAction<OrderCouponChangedDetails> OrderCouponApplied = new("order.coupon_applied");
    public static readonly AuditAction<OrderCouponChangedDetails> OrderCouponRemoved = new("order.coupon_removed");
    public static readonly AuditAction<OrderNumberDetails> OrderDetailsSaved = new("order.details_saved");
    public static readonly AuditAction<PaymentGatewayReportDetails> OrderDisputeClosed = new("order.dispute_closed");
    public static readonly AuditAction<OrderEmailRetriedDetails> OrderEmailRetried = new("order.email_retried");
    public static readonly AuditAction<OrderExpiredDetails> OrderExpired = new("order.expired");
    public static readonly AuditAction<OrderHeldDetails> OrderHeld = new("order.held");
    public static readonly AuditAction<OrderLatePaymentRefundedDetails> OrderLatePaymentRefunded = new("order.late_payment_refunded");
    public static readonly AuditAction<OrderPaidDetails> OrderPaid = new("order.paid");
    public static readonly AuditAction<PaymentGatewayReportDetails> OrderPaymentDisputed = new("order.payment_disputed");
    public static readonly AuditAction<OrderPaymentFailedDetails> OrderPaymentFailed = new("order.payment_failed");
    public static readonly AuditAction<OrderPaymentRefundedUnmatchedDetails> OrderPaymentRefundedUnmatched = new("order.payment_refunded_unmatched");
    public static readonly AuditAction<OrderRefundFailedDetails> OrderRefundFailed = new("order.refund_failed");
    public static readonly AuditAction<OrderRefundRetriedDetails> OrderRefundRetried = new("order.refund_retried");
    public static readonly AuditAction<PaymentGatewayReportDetails> OrderRefundedOutside = new("order.refunded_outside");
    public static readonly AuditAction<PaymentGatewayReportDetails> OrderRefundedOutsideCancelled = new("order.refunded_outside_cancelled");
    public static readonly AuditAction<OrderNumberDetails> OrderReplaced = new("order.replaced");
    public static readonly AuditAction<OrderCancellationDetails> OrderTicketsCancelled = new("order.tickets_cancelled");

    public static readonly AuditAction<OrganizationNamedDetails> OrganizationCreated = new("organization.created");
    public static readonly AuditAction OrganizationLogoChanged = new("organization.logo_changed");
    public static readonly AuditAction<OrganizationPaymentsChangedDetails> OrganizationPaymentsChanged = new("organization.payments_changed");
    public static readonly AuditAction<OrganizationNamedDetails> OrganizationUpdated = new("organization.updated");

    public static readonly AuditAction<Messaging.AttendeeMessageAuditDetails> AttendeeMessageCancelled = new("attendee_message.cancelled");
    public static readonly AuditAction<Messaging.AttendeeMessageAuditDetails> AttendeeMessageScheduled = new("attendee_message.scheduled");
    public static readonly AuditAction<EmailTemplateAuditDetails> EmailTemplateReset = new("email_template.reset");
    public static readonly AuditAction<EmailTemplateAuditDetails> EmailTemplateSaved = new("email_template.saved");
    public static readonly AuditAction<ContentPageAuditDetails> OrganizationPageCreated = new("organization_page.created");
    public static readonly AuditAction<ContentPageAuditDetails> OrganizationPageDeleted = new("organization_page.deleted");
    public static readonly AuditAction<ContentPageAuditDetails> OrganizationPageUpdated = new("organization_page.updated");

    public static readonly AuditAction<Organizations.Team.TeamChangeDetails> TeamMemberLeft = new("team.member_left");
    public static readonly AuditAction<Organizations.Team.TeamChangeDetails> TeamMemberRemoved = new("team.member_removed");
    public static readonly AuditAction<Organizations.Team.TeamChangeDetails> TeamRoleChanged = new("team.role_changed");

    public static readonly AuditAction<PaymentUnmatchedRefundedDetails> PaymentUnmatchedRefunded = new("payment.unmatched_refunded");

    public static readonly AuditAction<QuestionDetails> QuestionChanged = new("question.changed");
    public static readonly AuditAction<QuestionDetails> QuestionCreated = new("question.created");
    public static readonly AuditAction QuestionDeleted = new("question.deleted");

    public static readonly AuditAction<ReminderRuleAuditDetails> ReminderRuleAdded = new("reminder_rule.added");
    public static readonly AuditAction<ReminderRuleAuditDetails> ReminderRuleChanged = new("reminder_rule.changed");
    public static readonly AuditAction<ReminderRuleAuditDetails> ReminderRuleRemoved = new("reminder_rule.removed");

    public static readonly AuditAction<SessionSavedDetails> SessionCreated = new("session.created");
    public static readonly AuditAction SessionDeleted = new("session.deleted");
    public static readonly AuditAction<SessionSavedDetails> SessionUpdated = new("session.updated");

    public static readonly AuditAction<TicketAttendeeChangedDetails> TicketAttendeeChanged = new("ticket.attendee_changed");
    public static readonly AuditAction<TicketCheckInDetails> TicketCheckInRefused = new("ticket.check_in_refused");
    public static readonly AuditAction<TicketCheckInUndoneDetails> TicketCheckInUndone = new("ticket.check_in_undone");
    public static readonly AuditAction<TicketCheckInDetails> TicketCheckedIn = new("ticket.checked_in");

    public static readonly AuditAction<TicketTypeSavedDetails> TicketTypeCreated = new("ticket_type.created");
    public static readonly AuditAction TicketTypeDeleted = new("ticket_type.deleted");
    public static readonly AuditAction<TicketTypeSavedDetails> TicketTypeUpdated = new("ticket_type.updated");

    /// <summary>Every action above, of both kinds, for checks and for the admin's filter.</summary>
    public static IReadOnlyList<IAuditAction> All { get; } = typeof(AuditActions).GetFields()
        .Where(f => f.FieldType.IsAssignableTo(typeof(IAuditAction))).Select(f => (IAuditAction)f.GetValue(null)!).ToList();
}
