using EventPlatform.Core.Notifications;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Data.Notifications;

/// <inheritdoc />
/// <remarks>
/// One statement: pick due rows with <c>FOR UPDATE SKIP LOCKED</c> (so concurrent workers take
/// disjoint rows without waiting), and stamp their lease in the same UPDATE. A row whose lease
/// ran out (a worker died mid-send) becomes claimable again.
/// </remarks>
internal sealed class OutboxLeases(IDbContextFactory<EventPlatformDbContext> dbFactory) : IOutboxLeases
{
    public async Task<IReadOnlyList<Guid>> ClaimDueEmailsAsync(int max, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var pending = nameof(OutboxEmailStatus.Pending);
        return await db.Database.SqlQuery<Guid>($"""
            UPDATE outbox_emails SET leased_until = {leaseUntil}
            WHERE id IN (
                SELECT id FROM outbox_emails
                WHERE status = {pending} AND next_attempt_at <= {now}
                  AND (leased_until IS NULL OR leased_until < {now})
                ORDER BY next_attempt_at
                LIMIT {max}
                FOR UPDATE SKIP LOCKED)
            RETURNING id AS "Value"
            """).ToListAsync(cancellationToken);
    }
}
