using EventPlatform.Core.Auditing;
using EventPlatform.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EventPlatform.Core.Payments;

/// <summary>
/// Sends recorded refunds to the gateway. A refund row is written in the transaction that cancels
/// what it pays back (so money owed is never forgotten); this sends it after commit, with the
/// refund id as the idempotency key, and a worker retries rows that could not be sent.
/// </summary>
public sealed class RefundPayments(IAppDbContextFactory dbFactory, IPaymentGateway gateway, Auditing.AuditTrail audit, TimeProvider clock,
    IFaultInjector faults, ILogger<RefundPayments> logger)
{
    /// <summary>Long enough for the send right after commit to have finished; a concurrent second send is harmless (same idempotency key).</summary>
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(15);

    public static OrderRefund Record(IAppDbContext db, Guid orderId, string? intentId, long amountMinor, string currency, string reason,
        DateTimeOffset now)
    {
        var refund = new OrderRefund
        {
            Id = Guid.CreateVersion7(),
            OrderId = orderId,
            PaymentIntentId = intentId,
            AmountMinor = amountMinor,
            Currency = currency,
            Reason = reason,
            Status = RefundStatus.Pending,
            CreatedAt = now,
        };
        db.OrderRefunds.Add(refund);
        return refund;
    }

    /// <summary>The gateway's idempotency key of a recorded refund: our refund's id, so a later report of it finds the row.</summary>
    public static string IdempotencyKey(Guid refundId) => KeyPrefix + refundId;

    /// <summary>Our refund's id from the idempotency key a gateway refund carries; null for keys of other refunds (unmatched payments).</summary>
    public static Guid? RefundIdFromKey(string? key) =>
        key is not null && key.StartsWith(KeyPrefix, StringComparison.Ordinal) && Guid.TryParse(key.AsSpan(KeyPrefix.Length), out var id) ? id : null;

    private const string KeyPrefix = "refund-";

    public async Task SendAsync(Guid refundId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var refund = await db.OrderRefunds.SingleAsync(r => r.Id == refundId, ct);
        if (refund.Status != RefundStatus.Pending || refund.ProviderRefundId is not null)
        {
            return;
        }

        if (refund.PaymentIntentId is null)
        {
            // Paid offline (cash, invoice): the organizer pays it back the same way.
            refund.Status = RefundStatus.Succeeded;
            refund.CompletedAt = clock.GetUtcNow();
            refund.FailureMessage = "Paid offline: to be refunded by the organizer.";
            await db.SaveChangesAsync(ct);
            return;
        }

        faults.Reached(FaultPoints.BeforeRefundSent);
        RefundOutcome outcome;
        try
        {
            outcome = await gateway.RefundAsync(refund.PaymentIntentId, refund.AmountMinor, IdempotencyKey(refund.Id), ct);
            faults.Reached(FaultPoints.AfterRefundSent);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Left pending: the worker tries again.
            logger.LogError(ex, "Refund {RefundId} of {Amount} could not be sent; will retry", refund.Id, refund.AmountMinor);
            return;
        }

        // The gateway's own webhooks may have been handled meanwhile (charge.refunded marked it done,
        // or refund.failed marked it failed): update, never overwrite what they said.
        var now = clock.GetUtcNow();
        if (outcome.Succeeded)
        {
            await db.OrderRefunds.Where(r => r.Id == refundId).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.ProviderRefundId, r => r.ProviderRefundId ?? outcome.ProviderRefundId)
                .SetProperty(r => r.Status, r => r.Status == RefundStatus.Pending ? RefundStatus.Succeeded : r.Status)
                .SetProperty(r => r.CompletedAt, r => r.CompletedAt ?? now), ct);
        }
        else
        {
            logger.LogError("Gateway refused refund {RefundId}: {Message}", refund.Id, outcome.FailureMessage);
            await RecordRefusalAsync(refundId, outcome, ct);
        }
    }

    /// <summary>The money did not go back: the refund no longer counts, and the organizer is told
    /// (<see cref="PaymentIssues.RefundFailed"/>).</summary>
    private async Task RecordRefusalAsync(Guid refundId, RefundOutcome outcome, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var orderId = await db.OrderRefunds.Where(r => r.Id == refundId).Select(r => r.OrderId).SingleAsync(ct);
        var order = await db.Locks.OrderAsync(orderId, ct) ?? throw new NotFoundException();
        var refund = await db.OrderRefunds.SingleAsync(r => r.Id == refundId, ct);
        refund.ProviderRefundId ??= outcome.ProviderRefundId;
        if (PaymentIssues.RefundFailed(order, refund, outcome.FailureMessage, clock.GetUtcNow()))
        {
            audit.Add(db, null, order.OrganizationId, AuditActions.OrderRefundFailed, "Order", order.Id.ToString(),
                new OrderRefundFailedDetails(order.Number, refund.Id, refund.PaymentIntentId, refund.AmountMinor, outcome.FailureMessage, null),
                "payment gateway");
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Retries refunds that were recorded but not sent (the gateway was unreachable). Returns how many were tried.</summary>
    public async Task<int> RetryPendingAsync(CancellationToken ct = default)
    {
        var before = clock.GetUtcNow() - RetryAfter;
        List<Guid> ids;
        await using (var db = await dbFactory.CreateAsync(ct))
        {
            ids = await db.OrderRefunds.Where(r => r.Status == RefundStatus.Pending && r.ProviderRefundId == null && r.CreatedAt < before)
                .OrderBy(r => r.CreatedAt).Select(r => r.Id).Take(20).ToListAsync(ct);
        }

        foreach (var id in ids)
        {
            await SendAsync(id, ct);
        }

        return ids.Count;
    }
}
