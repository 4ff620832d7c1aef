using EventPlatform.Core.Auditing;
using EventPlatform.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using EventPlatform.Core.Catalog.Live;

namespace EventPlatform.Core.Ordering.Holds;

/// <summary>
/// Gives the places of expired holds back. Run by a hosted worker every few seconds and lazily when
/// a new hold finds no room. Orders are claimed with <c>FOR UPDATE SKIP LOCKED</c>, so several
/// instances (and a payment being confirmed at that moment) never work on the same order twice.
/// </summary>
public sealed class ReleaseExpiredHolds(IAppDbContextFactory dbFactory, AuditTrail audit, TimeProvider clock, IAvailabilityNotifier live, ILogger<ReleaseExpiredHolds> logger)
{
    private const int BatchSize = 50;

    /// <summary>Releases one batch, optionally only of one event. Returns how many orders expired.</summary>
    public async Task<int> ExecuteAsync(Guid? eventId = null, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var query = eventId is { } id
            ? db.Orders.FromSql($"SELECT * FROM orders WHERE status = 'Pending' AND hold_expires_at <= {now} AND event_id = {id} ORDER BY hold_expires_at LIMIT {BatchSize} FOR UPDATE SKIP LOCKED")
            : db.Orders.FromSql($"SELECT * FROM orders WHERE status = 'Pending' AND hold_expires_at <= {now} ORDER BY hold_expires_at LIMIT {BatchSize} FOR UPDATE SKIP LOCKED");
        var orders = await query.ToListAsync(ct);
        foreach (var order in orders)
        {
            // A separate statement, after the lock: see OrderHolds.LockAsync.
            order.Tickets = await db.Tickets.Where(t => t.OrderId == order.Id).ToListAsync(ct);
            await OrderHolds.ExpireLockedAsync(db, order, now, ct);
            audit.Add(db, null, order.OrganizationId, "order.expired", "Order", order.Id.ToString(), new { order.Number, Tickets = order.Tickets.Count }, actorLabel: "hold expiry");
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        foreach (var changedEvent in orders.Select(o => o.EventId).Distinct())
        {
            await live.ChangedAsync(changedEvent, ct);
        }

        if (orders.Count > 0)
        {
            logger.LogInformation("Released {Count} expired holds", orders.Count);
        }

        return orders.Count;
    }
}
