using EventPlatform.Core.Common;
using EventPlatform.Core.Notifications;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Data.Notifications;

/// <inheritdoc />
internal sealed class OutboxLeases : IOutboxLeases
{
    public async Task<Guid?> LockNextDueAsync(IAppDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("The outbox row lock lives in a transaction: begin one first.");
        }

        var pending = nameof(OutboxEmailStatus.Pending);
        var ids = await db.Database.SqlQuery<Guid>($"""
            SELECT id AS "Value" FROM outbox_emails
            WHERE status = {pending} AND next_attempt_at <= {now}
            ORDER BY next_attempt_at
            LIMIT 1
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(cancellationToken);
        return ids.Count == 0 ? null : ids[0];
    }
}
