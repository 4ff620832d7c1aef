using EventPlatform.Core.Auditing;
using EventPlatform.Core.Catalog.Browsing;
using EventPlatform.Core.Common;
using EventPlatform.Core.Common.Database;
using EventPlatform.Core.Common.Events;
using EventPlatform.Core.Notifications;
using EventPlatform.Core.Ordering;
using EventPlatform.Core.Ordering.Checkout;
using EventPlatform.Core.Ordering.Holds;
using EventPlatform.Core.Ordering.Tickets;
using EventPlatform.Core.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EventPlatform.Core.Payments;

public enum PaymentNotificationKind
{
    Succeeded,
    Failed,
    /// <summary>charge.refunded: the intent's total refunded so far (ours, or made in the dashboard).</summary>
    Refunded,
    /// <summary>A refund failed after all (refund.failed, or refund.updated with status failed).</summary>
    RefundFailed,
    /// <summary>charge.dispute.created: a chargeback.</summary>
    DisputeOpened,
    /// <summary>charge.dispute.closed: won or lost (<see cref="PaymentNotification.Status"/>).</summary>
    DisputeClosed,
}

/// <summary>A gateway's report about a payment, from a webhook event or a status fetch.</summary>
/// <param name="EventId">The provider's event id; null for a status fetch (the return page), which is idempotent by order state alone.</param>
/// <param name="FailureMessage">Why a payment or refund failed, or a dispute's reason, in the gateway's words.</param>
/// <param name="ProviderRefundId">For <see cref="PaymentNotificationKind.RefundFailed"/>: the gateway's refund id.</param>
/// <param name="RefundId">For <see cref="PaymentNotificationKind.RefundFailed"/>: our refund's id, from the idempotency key the refund
/// carries.</param>
/// <param name="Status">For <see cref="PaymentNotificationKind.DisputeClosed"/>: the gateway's final status (won, lost, warning_closed).</param>
public sealed record PaymentNotification(
    string? EventId,
    string EventType,
    PaymentNotificationKind Kind,
    string IntentId,
    Guid? OrderId,
    long AmountMinor,
    string? FailureMessage = null,
    string? ProviderRefundId = null,
    Guid? RefundId = null,
    string? Status = null);

public enum PaymentEventResult
{
    Applied,
    /// <summary>This event id was processed before; nothing changed.</summary>
    Duplicate,
    /// <summary>Not about one of our orders, or nothing to do.</summary>
    Ignored,
    /// <summary>The database was too busy; the gateway should retry (HTTP 503).</summary>
    Busy,
}

/// <summary>
/// Applies a payment event to its order (docs/architecture.md, "Payments"): records the provider's
/// event id in the same transaction (so each is processed once), locks the order, and confirms it
/// exactly once however often and in whatever order the webhook and the return page report it. A
/// payment that cannot be honoured (late, places gone; or for an amount that no longer matches) is
/// refunded in full, and the buyer is told by email.
/// </summary>
public sealed class ApplyPaymentEvent(
    IAppDbContextFactory dbFactory,
    EventDefinitions definitions,
    OrderConfirmation confirmation,
    RefundPayments refunds,
    ISettingsService settings,
    AuditTrail audit,
    TimeProvider clock,
    IPaymentGateway gateway,
    IFaultInjector faults,
    AppMetrics metrics,
    ILogger<ApplyPaymentEvent> logger,
    IDatabaseErrors databaseErrors)
{
    public async Task<PaymentEventResult> ExecuteAsync(PaymentNotification notification, CancellationToken ct = default)
    {
        var result = await ApplyAsync(notification, ct);
        metrics.PaymentEvent(notification.Kind.ToString().ToLowerInvariant(), result.ToString().ToLowerInvariant());
        return result;
    }

    private async Task<PaymentEventResult> ApplyAsync(PaymentNotification notification, CancellationToken ct)
    {
        Applied applied;
        try
        {
            applied = await ApplyInTransactionAsync(notification, ct);
        }
        catch (Exception ex) when (databaseErrors.IsBusy(ex))
        {
            logger.LogWarning(ex, "Payment event {EventId} deferred: database busy", notification.EventId);
            return PaymentEventResult.Busy;
        }

        if (applied.Purchased)
        {
            metrics.Purchase("gateway");
        }

        // What follows calls out (the gateway) with the transaction's connection back in the pool:
        // a webhook holding one connection while waiting for another starves the pool.
        if (applied.OrderMissing)
        {
            return await RefundUnmatchedAsync(notification, ct);
        }

        if (applied.RefundToSend is { } refundId)
        {
            await refunds.SendAsync(refundId, ct);
        }

        return applied.Result;
    }

    /// <summary>What the transaction did, and what is left to do once it has committed.</summary>
    private sealed record Applied(PaymentEventResult Result, Guid? RefundToSend = null, bool OrderMissing = false, bool Purchased = false);

    private async Task<Applied> ApplyInTransactionAsync(PaymentNotification notification, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        await using var transaction = await db.BeginTransactionWithLockTimeoutAsync(ct);
        var now = clock.GetUtcNow();
        if (notification.EventId is { } eventId)
        {
            if (!await db.Atomic.TryRecordPaymentEventAsync(Processed(eventId, notification, now), ct))
            {
                logger.LogInformation("Payment event {EventId} was already processed", eventId);
                return new Applied(PaymentEventResult.Duplicate);
            }
        }

        // The common case: the order the event's metadata names, still paying with this intent.
        var order = notification.OrderId is { } metadataId ? await db.Locks.OrderPayingWithAsync(metadataId, notification.IntentId, ct) : null;
        if (order is null)
        {
            // Else the order that pays with this intent, or the metadata's order (its intent was replaced).
            var orderId = await db.Orders.Where(o => o.PaymentIntentId == notification.IntentId).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct)
                ?? notification.OrderId;
            order = orderId is { } id ? await db.Locks.OrderAsync(id, ct) : null;
        }

        if (order is null)
        {
            if (notification is { Kind: PaymentNotificationKind.Succeeded, OrderId: not null })
            {
                // Ours (it carries our order id) but the order is gone: the money goes back before the
                // event is recorded, so a failed refund leaves the event to be delivered again.
                await transaction.RollbackAsync(ct);
                return new Applied(PaymentEventResult.Ignored, OrderMissing: true);
            }

            logger.LogWarning("Payment event {EventType} for intent {IntentId} matches no order", notification.EventType, notification.IntentId);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return new Applied(PaymentEventResult.Ignored);
        }

        var paidBefore = order.Status == OrderStatus.Paid;
        var (result, refundToSend) = notification.Kind switch
        {
            PaymentNotificationKind.Succeeded => await SucceededAsync(db, order, notification, now, ct),
            PaymentNotificationKind.Failed => Failed(db, order, notification),
            PaymentNotificationKind.Refunded => (await RefundedAsync(db, order, notification, now, ct), (Guid?)null),
            PaymentNotificationKind.RefundFailed => (await RefundFailedAsync(db, order, notification, now, ct), (Guid?)null),
            PaymentNotificationKind.DisputeOpened =>
                (Audited(db, order, PaymentIssues.DisputeOpened(order, notification.AmountMinor, notification.FailureMessage, now),
                        AuditActions.OrderPaymentDisputed, notification), (Guid?)null),
            PaymentNotificationKind.DisputeClosed =>
                (Audited(db, order, PaymentIssues.DisputeClosed(order, notification.Status, now), AuditActions.OrderDisputeClosed, notification),
                    (Guid?)null),
            _ => (PaymentEventResult.Ignored, null),
        };
        if (result == PaymentEventResult.Applied)
        {
            // Whatever the notification changed (paid, refunded, disputed) shows on the event's pages.
            db.Raise(new EventPageChanged(order.EventId));
        }

        await db.SaveChangesAsync(ct);
        faults.Reached(FaultPoints.InsideConfirmation);
        await transaction.CommitAsync(ct);
        faults.Reached(FaultPoints.AfterConfirmationCommitted);
        return new Applied(result, refundToSend, Purchased: !paidBefore && order.Status == OrderStatus.Paid);
    }

    /// <summary>
    /// A payment for an order we no longer have (deleted before event deletion kept paid-for
    /// orders): refunded in full, once — the gateway's idempotency key is derived from the intent,
    /// so the webhook, its retries and reconciliation all make the same single refund.
    /// </summary>
    private async Task<PaymentEventResult> RefundUnmatchedAsync(PaymentNotification n, CancellationToken ct)
    {
        RefundOutcome outcome;
        try
        {
            outcome = await gateway.RefundAsync(n.IntentId, n.AmountMinor, "unmatched-" + n.IntentId, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Payment {IntentId} for the missing order {OrderId} could not be refunded yet", n.IntentId, n.OrderId);
            return PaymentEventResult.Busy;
        }

        await using var db = await dbFactory.CreateAsync(ct);
        var now = clock.GetUtcNow();
        if (n.EventId is { } eventId)
        {
            await db.Atomic.TryRecordPaymentEventAsync(Processed(eventId, n, now), ct);
        }

        audit.Add(db, null, null, AuditActions.PaymentUnmatchedRefunded, "PaymentIntent", n.IntentId,
            new PaymentUnmatchedRefundedDetails(n.OrderId, n.AmountMinor, outcome.Succeeded, outcome.FailureMessage), "payment gateway");
        await db.SaveChangesAsync(ct);
        logger.LogError("Payment {IntentId} of {Amount} matches no order (order id {OrderId} is gone): refund {Outcome}", n.IntentId, n.AmountMinor,
            n.OrderId, outcome.Succeeded ? "sent" : "refused: " + outcome.FailureMessage);
        return PaymentEventResult.Applied;
    }

    private static ProcessedPaymentEvent Processed(string eventId, PaymentNotification n, DateTimeOffset now) =>
        new() { Id = eventId, Type = n.EventType, PaymentIntentId = n.IntentId, ProcessedAt = now };

    private async Task<(PaymentEventResult, Guid?)> SucceededAsync(IAppDbContext db, Order order, PaymentNotification n, DateTimeOffset now,
        CancellationToken ct)
    {
        // This very payment was applied before (the order may have been cancelled since): nothing to do.
        if (order.PaymentIntentId == n.IntentId && order.Status is OrderStatus.Paid or OrderStatus.Cancelled)
        {
            return (PaymentEventResult.Ignored, null);
        }

        // The buyer paid an intent of an earlier price (the total changed since), or the order was
        // already settled another way: keep nothing we cannot honour.
        if (n.AmountMinor != order.TotalMinor || order.PaymentIntentId != n.IntentId || order.Status is OrderStatus.Paid or OrderStatus.Cancelled)
        {
            if (await db.OrderRefunds.AnyAsync(r => r.PaymentIntentId == n.IntentId, ct))
            {
                // Already being refunded; reports of it keep coming (webhook retries, the return page).
                return (PaymentEventResult.Ignored, null);
            }

            logger.LogWarning(
                "Payment {IntentId} for order {OrderNumber} cannot be applied (status {Status}, amount {Amount} vs {Total}); refunding it",
                n.IntentId, order.Number, order.Status, n.AmountMinor, order.TotalMinor);
            var stray = RefundPayments.Record(db, order.Id, n.IntentId, n.AmountMinor, order.Currency, "Payment could not be applied to the order",
                now);
            audit.Add(db, null, order.OrganizationId, AuditActions.OrderPaymentRefundedUnmatched, "Order", order.Id.ToString(),
                new OrderPaymentRefundedUnmatchedDetails(order.Number, n.IntentId, n.AmountMinor), "payment gateway");
            if (order.Status == OrderStatus.Pending)
            {
                order.PaymentFailureMessage = UserMessages.PaymentAmountChanged;
            }

            return (PaymentEventResult.Applied, stray.Id);
        }

        var outcome = await confirmation.ConfirmLockedAsync(db, order, n.AmountMinor, now, null, "payment gateway", ct);
        if (outcome != ConfirmOutcome.NoLongerAvailable)
        {
            return (outcome == ConfirmOutcome.Confirmed ? PaymentEventResult.Applied : PaymentEventResult.Ignored, null);
        }

        // Paid after expiry and the places are gone (or the event was cancelled): never oversell to
        // honour it (docs/product.md, "4. Payments", late payments: refunded in full).
        await OrderHolds.ExpireLockedAsync(db, order, now, ct);
        order.PaidMinor = n.AmountMinor;
        order.RefundedMinor = n.AmountMinor;
        order.RefundedLatePayment = true;
        db.Raise(new OrderRefunded(order.EventId, order.Id, order.OrganizationId, n.AmountMinor, order.Currency));
        var refund = RefundPayments.Record(db, order.Id, n.IntentId, n.AmountMinor, order.Currency,
            "Paid after the reservation ran out; places no longer available", now);
        audit.Add(db, null, order.OrganizationId, AuditActions.OrderLatePaymentRefunded, "Order", order.Id.ToString(),
            new OrderLatePaymentRefundedDetails(order.Number, n.AmountMinor), "payment gateway");
        if (order.BuyerEmail is not null)
        {
            var view = await OrderViews.ForLoadedAsync(db, definitions, order, now, ct);
            var brand = (await settings.GetAsync(ct)).BrandName;
            EmailOutbox.Enqueue(db, OrderEmails.LatePaymentRefunded(brand, view, n.AmountMinor, confirmation.EventUrl(view)), now);
        }

        return (PaymentEventResult.Applied, refund.Id);
    }

    private (PaymentEventResult, Guid?) Failed(IAppDbContext db, Order order, PaymentNotification n)
    {
        if (order.Status != OrderStatus.Pending || order.PaymentIntentId != n.IntentId)
        {
            return (PaymentEventResult.Ignored, null);
        }

        order.PaymentFailureMessage = n.FailureMessage ?? UserMessages.PaymentFailed;
        audit.Add(db, null, order.OrganizationId, AuditActions.OrderPaymentFailed, "Order", order.Id.ToString(),
            new OrderPaymentFailedDetails(order.Number, n.FailureMessage), "payment gateway");
        return (PaymentEventResult.Applied, null);
    }

    private PaymentEventResult Audited(IAppDbContext db, Order order, bool changed, AuditAction<PaymentGatewayReportDetails> action,
        PaymentNotification n) =>
        Audited(db, order, changed, action, new PaymentGatewayReportDetails(order.Number, n.IntentId, n.AmountMinor, n.FailureMessage, n.Status), n);

    private PaymentEventResult Audited<TDetails>(IAppDbContext db, Order order, bool changed, AuditAction<TDetails> action, TDetails details,
        PaymentNotification n)
        where TDetails : class
    {
        if (!changed)
        {
            return PaymentEventResult.Ignored;
        }

        audit.Add(db, null, order.OrganizationId, action, "Order", order.Id.ToString(), details, "payment gateway");
        logger.LogWarning("Order {OrderNumber}: {Action} ({EventType}, {Status})", order.Number, action, n.EventType, n.Status ?? n.FailureMessage);
        return PaymentEventResult.Applied;
    }

    /// <summary>A refund the gateway had accepted failed after all: the money did not go back; the organizer is told.</summary>
    private async Task<PaymentEventResult> RefundFailedAsync(IAppDbContext db, Order order, PaymentNotification n, DateTimeOffset now,
        CancellationToken ct)
    {
        var refund = await db.OrderRefunds.Where(r => r.OrderId == order.Id
                && ((n.ProviderRefundId != null && r.ProviderRefundId == n.ProviderRefundId) || (n.RefundId != null && r.Id == n.RefundId)))
            .FirstOrDefaultAsync(ct);
        if (refund is null)
        {
            logger.LogWarning("Refund {ProviderRefundId} of order {OrderNumber} failed, but it is not one of ours", n.ProviderRefundId, order.Number);
            return PaymentEventResult.Ignored;
        }

        refund.ProviderRefundId ??= n.ProviderRefundId;
        return Audited(db, order, PaymentIssues.RefundFailed(order, refund, n.FailureMessage, now), AuditActions.OrderRefundFailed,
            new OrderRefundFailedDetails(order.Number, refund.Id, n.IntentId, n.AmountMinor, n.FailureMessage, n.Status), n);
    }

    /// <summary>
    /// charge.refunded reports the intent's total refunded so far: pending refunds up to that total
    /// are done, and a total beyond every refund we made was made outside the platform.
    /// </summary>
    private async Task<PaymentEventResult> RefundedAsync(IAppDbContext db, Order order, PaymentNotification n, DateTimeOffset now,
        CancellationToken ct)
    {
        var all = await db.OrderRefunds.Where(r => r.OrderId == order.Id && r.PaymentIntentId == n.IntentId)
            .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).ToListAsync(ct);
        var refunds = all.Where(r => r.Status != RefundStatus.Failed).ToList();
        var confirmed = refunds.Where(r => r.Status == RefundStatus.Succeeded).Sum(r => r.AmountMinor);
        var changed = 0;
        foreach (var refund in refunds.Where(r => r.Status == RefundStatus.Pending))
        {
            if (confirmed + refund.AmountMinor > n.AmountMinor)
            {
                break;
            }

            confirmed += refund.AmountMinor;
            refund.Status = RefundStatus.Succeeded;
            refund.CompletedAt = now;
            changed++;
        }

        // Ours include those still on their way (each is recorded before it is sent), so only a
        // refund nobody here asked for is beyond them. Failed ones count too: a total reported
        // before the failure (events arrive in any order) still holds them, and mistaking one for
        // a dashboard refund would cancel tickets whose money never went back. The cost: a
        // dashboard refund made to replace a failed one is not recorded (the organizer resolves it).
        var ours = all.Sum(r => r.AmountMinor);
        var outside = Math.Min(n.AmountMinor - ours, order.PaidMinor - order.RefundedMinor);
        if (outside > 0 && order.PaymentIntentId == n.IntentId)
        {
            var cancelledAll = await PaymentIssues.RefundedOutsideAsync(db, order, outside, now, ct);
            Audited(db, order, true, cancelledAll ? AuditActions.OrderRefundedOutsideCancelled : AuditActions.OrderRefundedOutside, n);
            if (cancelledAll && order.BuyerEmail is not null)
            {
                var view = await OrderViews.ForLoadedAsync(db, definitions, order, now, ct);
                EmailOutbox.Enqueue(db, await confirmation.CancellationEmailAsync(db, view, order.Tickets.Count(t => t.CancelledAt == now), outside,
                    "Refunded by the organizer", ct), now);
            }

            return PaymentEventResult.Applied;
        }

        return changed > 0 ? PaymentEventResult.Applied : PaymentEventResult.Ignored;
    }
}
