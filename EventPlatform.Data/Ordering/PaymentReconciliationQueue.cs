using EventPlatform.Core.Ordering;
using EventPlatform.Core.Payments;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Data.Ordering;

/// <inheritdoc />
/// <remarks>
/// One statement, like the outbox's leases: pick due orders with <c>FOR UPDATE SKIP LOCKED</c>
/// (an order a buyer or webhook is confirming right now is skipped, not waited for) and stamp
/// <c>payment_checked_at</c> in the same UPDATE, so another instance's round skips them too.
/// </remarks>
internal sealed class PaymentReconciliationQueue(IDbContextFactory<EventPlatformDbContext> dbFactory) : IPaymentReconciliationQueue
{
    public async Task<IReadOnlyList<UnsettledPayment>> ClaimAsync(string provider, DateTimeOffset startedBefore, DateTimeOffset checkedBefore,
        DateTimeOffset now, int max, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        string pending = nameof(OrderStatus.Pending), expired = nameof(OrderStatus.Expired);
        var rows = await db.Database.SqlQuery<Row>($"""
            UPDATE orders SET payment_checked_at = {now}
            WHERE id IN (
                SELECT o.id FROM orders o
                WHERE o.status IN ({pending}, {expired}) AND o.payment_intent_id IS NOT NULL AND o.payment_closed_at IS NULL
                  AND NOT o.refunded_late_payment AND o.payment_provider = {provider} AND o.payment_started_at <= {startedBefore}
                  AND (o.payment_checked_at IS NULL OR o.payment_checked_at < {checkedBefore})
                  AND NOT EXISTS (SELECT 1 FROM order_refunds r WHERE r.payment_intent_id = o.payment_intent_id)
                ORDER BY o.payment_checked_at NULLS FIRST, o.payment_started_at
                LIMIT {max}
                FOR UPDATE SKIP LOCKED)
            RETURNING id, number, payment_intent_id AS intent_id,
                CASE WHEN status = {expired} THEN COALESCE(closed_at, hold_expires_at) END AS no_longer_held_since
            """).ToListAsync(ct);
        return rows.Select(r => new UnsettledPayment(r.Id, r.Number, r.IntentId, r.NoLongerHeldSince)).ToList();
    }

    /// <summary>Read by the snake_case naming convention: <c>intent_id</c> → <see cref="IntentId"/>.</summary>
    private sealed class Row
    {
        public Guid Id { get; set; }
        public string Number { get; set; } = "";
        public string IntentId { get; set; } = "";
        public DateTimeOffset? NoLongerHeldSince { get; set; }
    }
}
