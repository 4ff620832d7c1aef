using EventPlatform.Core.Auditing;
using EventPlatform.Core.Common;
using EventPlatform.Core.Ordering.Cancellation;
using EventPlatform.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EventPlatform.Core.Catalog.Management;

/// <summary>Cancels an event from any state but Completed, then refunds its paid orders.</summary>
public sealed class CancelEvent(IAppDbContextFactory dbFactory, CatalogAccess catalogAccess, AuditTrail audit, TimeProvider clock,
    IServiceProvider services)
{
    /// <summary>
    /// Cancels the event: sales stop at once (the status is checked by every hold and every
    /// confirmation), then every paid order is cancelled and refunded, and its buyer emailed.
    /// </summary>
    public async Task<CommandResult<EventStatus>> ExecuteAsync(Guid eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var grant = await catalogAccess.RequireEventAsync(db, eventId, OrgRole.Manager, ct);
        var now = clock.GetUtcNow();
        var changed = await db.Events
            .Where(e => e.Id == eventId && e.Status != EventStatus.Cancelled && e.Status != EventStatus.Completed)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EventStatus.Cancelled).SetProperty(e => e.CancelledAt, now), ct);
        var result = await EventStatusChange.RecordAsync(audit, db, grant, eventId, changed, AuditActions.EventCancelled, EventStatus.Cancelled, ct);
        if (result.Succeeded)
        {
            // Resolved here rather than injected: the refund use cases depend on the catalog's services.
            await services.GetRequiredService<RefundCancelledEvent>().ExecuteAsync(eventId, grant.UserId, ct);
        }

        return result;
    }
}
