using EventPlatform.Core.Catalog;
using EventPlatform.Core.Reporting;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Data.Reporting;

/// <summary>
/// <see cref="ISalesByDay"/> as grouped PostgreSQL reads: local days by <c>AT TIME ZONE</c>, one
/// row per day and currency. An order counts once it was paid (status Paid, or Cancelled after
/// payment); expired orders — a late payment refunded at once among them — never sold anything.
/// Columns are named in snake case: the naming convention maps the result records' properties so.
/// </summary>
internal sealed class PostgresSalesByDay(EventPlatformDbContext db) : ISalesByDay
{
    public async Task<IReadOnlyList<SoldOnDay>> SoldAsync(SalesScope scope, string timeZone, CancellationToken ct)
    {
        var (org, evt, session, since, zone) = Parameters(scope, timeZone);
        return await db.Database.SqlQuery<SoldOnDay>($"""
            SELECT (o.paid_at AT TIME ZONE {zone})::date AS day, o.currency AS currency, count(*)::int AS orders,
                   sum(x.tickets)::int AS tickets, sum(o.subtotal_minor)::bigint AS gross, sum(o.discount_minor)::bigint AS discounts,
                   sum(CASE WHEN o.fee_passed_to_buyer THEN o.fee_minor ELSE 0 END)::bigint AS fees_passed_to_buyers,
                   sum(CASE WHEN o.fee_passed_to_buyer THEN 0 ELSE o.fee_minor END)::bigint AS fees_absorbed
            FROM orders o
            CROSS JOIN LATERAL (
                SELECT count(*) AS tickets FROM tickets t
                WHERE t.order_id = o.id AND ({session}::uuid IS NULL OR t.ticket_type_id IN (
                    SELECT l.ticket_type_id FROM ticket_type_sessions l WHERE l.session_id = {session}::uuid))) x
            WHERE o.organization_id = {org} AND ({evt}::uuid IS NULL OR o.event_id = {evt}::uuid)
              AND o.status IN ('Paid', 'Cancelled') AND o.paid_at IS NOT NULL
              AND ({since}::timestamptz IS NULL OR o.paid_at >= {since}::timestamptz)
              AND ({session}::uuid IS NULL OR x.tickets > 0)
            GROUP BY 1, 2
            """).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<RefundedOnDay>> RefundedAsync(SalesScope scope, string timeZone, CancellationToken ct)
    {
        var (org, evt, session, since, zone) = Parameters(scope, timeZone);
        // The fee a refund gives back is the order's fee in proportion to the amount refunded, rounded
        // half away from zero (the gateway refunds its application fee in proportion too).
        return await db.Database.SqlQuery<RefundedOnDay>($"""
            SELECT (r.created_at AT TIME ZONE {zone})::date AS day, r.currency AS currency, sum(r.amount_minor)::bigint AS refunds,
                   sum(CASE WHEN o.paid_minor > 0 THEN round(o.fee_minor::numeric * r.amount_minor / o.paid_minor) ELSE 0 END)::bigint
                       AS fees_returned
            FROM order_refunds r JOIN orders o ON o.id = r.order_id
            WHERE o.organization_id = {org} AND ({evt}::uuid IS NULL OR o.event_id = {evt}::uuid)
              AND o.status IN ('Paid', 'Cancelled') AND r.status <> 'Failed'
              AND ({since}::timestamptz IS NULL OR r.created_at >= {since}::timestamptz)
              AND ({session}::uuid IS NULL OR EXISTS (
                  SELECT 1 FROM tickets t JOIN ticket_type_sessions l ON l.ticket_type_id = t.ticket_type_id
                  WHERE t.order_id = o.id AND l.session_id = {session}::uuid))
            GROUP BY 1, 2
            """).ToListAsync(ct);
    }

    private static (Guid Org, Guid? Event, Guid? Session, DateTimeOffset? Since, string Zone) Parameters(SalesScope scope, string timeZone) =>
        (scope.OrganizationId, scope.EventId, scope.SessionId, scope.PaidSince?.ToUniversalTime(), EventTime.ZoneName(timeZone));
}
