using EventPlatform.Core.Catalog;
using EventPlatform.Core.Common;
using EventPlatform.Core.Common.Events;
using EventPlatform.Core.Ordering;
using EventPlatform.Core.Ordering.Cancellation;

namespace EventPlatform.Core.Payments;

/// <summary>
/// What the gateway reports about a payment after it succeeded, other than our own refunds going
/// through: a refund that failed, money refunded outside the platform (in the Stripe dashboard),
/// a dispute (chargeback). Each is applied to the order, locked by the caller, in the transaction
/// that records the gateway's event, and flagged for the organizer ("needs attention" on the
/// organization page) until resolved. Amounts stay true: <see cref="Order.RefundedMinor"/> counts
/// only refunds that went through or are still under way.
/// </summary>
public static class PaymentIssues
{
    public const string RefundedOutsideReason = "Refunded in the payment provider's dashboard";

    /// <summary>Puts the order on the organizer's "needs attention" list (or updates why it is there).</summary>
    public static void Flag(Order order, string reason, DateTimeOffset now)
    {
        order.AttentionSince ??= now;
        order.AttentionReason = reason.Length > 500 ? reason[..500] : reason;
    }

    public static void ClearFlag(Order order)
    {
        order.AttentionSince = null;
        order.AttentionReason = null;
    }

    /// <summary>
    /// The gateway refused a refund or reported it failed later (e.g. the card was closed): the money
    /// did not go back, so it no longer counts as refunded. Returns false when it was already recorded.
    /// </summary>
    public static bool RefundFailed(Order order, OrderRefund refund, string? message, DateTimeOffset now)
    {
        if (refund.Status == RefundStatus.Failed)
        {
            return false;
        }

        refund.Status = RefundStatus.Failed;
        refund.FailureMessage = Truncate(message ?? UserMessages.RefundFailedAtProvider, 500);
        refund.CompletedAt = now;
        order.RefundedMinor = Math.Max(0, order.RefundedMinor - refund.AmountMinor);
        Flag(order,
            $"A refund of {new Money(refund.AmountMinor, refund.Currency).Format()} failed: {refund.FailureMessage} " +
            UserMessages.AttentionRefundFailed, now);
        return true;
    }

    /// <summary>
    /// The gateway reports more refunded than we ever asked for: someone refunded in the dashboard.
    /// Recorded as a refund that succeeded. A refund of everything cancels the tickets (their places
    /// go back on sale, check-in refuses them); a partial one leaves them valid for the organizer to decide.
    /// </summary>
    /// <returns>Whether every ticket was cancelled.</returns>
    public static async Task<bool> RefundedOutsideAsync(IAppDbContext db, Order order, long amountMinor, DateTimeOffset now, CancellationToken ct)
    {
        db.OrderRefunds.Add(new OrderRefund
        {
            Id = Guid.CreateVersion7(),
            OrderId = order.Id,
            PaymentIntentId = order.PaymentIntentId,
            AmountMinor = amountMinor,
            Currency = order.Currency,
            Reason = RefundedOutsideReason,
            Status = RefundStatus.Succeeded,
            CreatedAt = now,
            CompletedAt = now,
        });
        order.RefundedMinor += amountMinor;
        db.Raise(new OrderRefunded(order.EventId, order.Id, order.OrganizationId, amountMinor, order.Currency));
        var amount = new Money(amountMinor, order.Currency).Format();
        var valid = order.Tickets.Where(t => t.Status == TicketStatus.Valid).ToList();
        if (order.RefundedMinor >= order.PaidMinor && order.Status == OrderStatus.Paid && valid.Count > 0)
        {
            await CancelTickets.CancelLockedAsync(db, order, valid, now, ct);
            Flag(order,
                $"{amount} was refunded outside EventPlatform, which is everything paid: " +
                $"its {valid.Count} ticket(s) were cancelled and the places released.", now);
            return true;
        }

        Flag(order,
            $"{amount} was refunded outside EventPlatform; the tickets are still valid. " +
            UserMessages.AttentionRefundedOutsidePartly, now);
        return false;
    }

    /// <summary>The buyer's bank disputes the payment: its tickets are refused at check-in until it is decided.</summary>
    public static bool DisputeOpened(Order order, long amountMinor, string? reason, DateTimeOffset now)
    {
        if (order.DisputeStatus == PaymentDisputeStatus.Open)
        {
            return false;
        }

        order.DisputeStatus = PaymentDisputeStatus.Open;
        order.DisputeReason = reason is null ? null : Truncate(reason, 100);
        order.DisputedMinor = amountMinor;
        Flag(order,
            $"The card holder's bank disputes {new Money(amountMinor, order.Currency).Format()} ({Words(reason)}). " +
            UserMessages.AttentionDisputeOpened, now);
        return true;
    }

    /// <summary>The dispute was decided: won (or closed as a mere inquiry) — tickets valid again; lost — they stay refused.</summary>
    public static bool DisputeClosed(Order order, string? gatewayStatus, DateTimeOffset now)
    {
        var outcome = gatewayStatus is "lost" ? PaymentDisputeStatus.Lost : PaymentDisputeStatus.Won;
        if (order.DisputeStatus == outcome)
        {
            return false;
        }

        order.DisputeStatus = outcome;
        if (outcome == PaymentDisputeStatus.Lost)
        {
            Flag(order,
                $"Dispute lost: {new Money(order.DisputedMinor, order.Currency).Format()} went back to the buyer through their bank. " +
                UserMessages.AttentionDisputeLost, now);
        }
        else
        {
            ClearFlag(order);
        }

        return true;
    }

    /// <summary>Whether check-in refuses the order's tickets because of a dispute.</summary>
    public static bool BlocksEntry(PaymentDisputeStatus? status) => status is PaymentDisputeStatus.Open or PaymentDisputeStatus.Lost;

    private static string Words(string? reason) => string.IsNullOrWhiteSpace(reason) ? "no reason given" : reason.Replace('_', ' ');

    private static string Truncate(string value, int length) => value.Length > length ? value[..length] : value;
}
