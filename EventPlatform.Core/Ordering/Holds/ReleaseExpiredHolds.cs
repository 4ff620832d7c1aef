using EventPlatform.Core.Auditing;
using EventPlatform.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EventPlatform.Core.Ordering.Holds;

/// <summary>
/// Gives the places of expired holds back. Run by a hosted worker every few seconds and lazily when
/// a new hold finds no room. Orders are claimed with <c>FOR UPDATE SKIP LOCKED</c>, so several
/// instances (and a payment being confirmed at that moment) never work on the same order twice.
/// </summary>
public sealed class ReleaseExpiredHolds(IAppDbContextFactory dbFactory, AuditTrail audit, TimeProvider clock, ILogger<ReleaseExpiredHolds> logger)
{
    private const int BatchSize = 50;

    /// <summary>Releases one batch, optionally only of one event. Returns how many orders expired.</summary>
    public async Task<int> ExecuteAsync(Guid? eventId = null, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        List<Guid> due;
        await using (var db = await dbFactory.CreateAsync(ct))
        {
            due = await db.Orders.Where(o => o.Status == OrderStatus.Pending && o.HoldExpiresAt <= now && (eventId == null || o.EventId == eventId))
                .OrderBy(o => o.HoldExpiresAt).Select(o => o.Id).Take(BatchSize).ToListAsync(ct);
        }

        // One order per transaction: each touches its own counters in the one sorted order every
        // purchase uses, so releasing never deadlocks with buyers (a batch would lock across orders).
        var released = new List<Guid>();
        foreach (var orderId in due)
        {
            if (await ReleaseOneAsync(orderId, now, ct) is { } changedEvent)
            {
                released.Add(changedEvent);
            }
        }

        if (released.Count > 0)
        {
            logger.LogInformation("Released {Count} expired holds", released.Count);
        }

        return released.Count;
    }

    /// <summary>Expires one order if it is still pending and nobody else is working on it. Returns its event, or null.</summary>
    private async Task<Guid?> ReleaseOneAsync(Guid orderId, DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var order = await db.Locks.ExpiredHoldOrNullAsync(orderId, now, ct);
        if (order is null)
        {
            return null;
        }

        await OrderHolds.ExpireLockedAsync(db, order, now, ct);
        audit.Add(db, null, order.OrganizationId, AuditActions.OrderExpired, "Order", order.Id.ToString(),
            new OrderExpiredDetails(order.Number, order.Tickets.Count), actorLabel: "hold expiry");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return order.EventId;
    }
}
