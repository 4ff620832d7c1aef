using EventPlatform.Core.Auditing;
using EventPlatform.Core.Common;
using EventPlatform.Core.Organizations;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Catalog.Management;

/// <summary>Publishes an event now, from Draft or Scheduled, once it has a session and a ticket type on sale.</summary>
public sealed class PublishEvent(IAppDbContextFactory dbFactory, CatalogAccess catalogAccess, AuditTrail audit, TimeProvider clock)
{
    /// <summary>Publishes now (from Draft or Scheduled).</summary>
    public async Task<CommandResult<EventStatus>> ExecuteAsync(Guid eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var grant = await catalogAccess.RequireEventAsync(db, eventId, OrgRole.Manager, ct);
        if (!await EventStatusChange.IsSellableAsync(db, eventId, ct))
        {
            return CommandResult<EventStatus>.Failure(new ValidationFailure(ValidationFailure.FormLevel, UserMessages.PublishNeedsSessions));
        }

        var now = clock.GetUtcNow();
        var changed = await db.Events
            .Where(e => e.Id == eventId && (e.Status == EventStatus.Draft || e.Status == EventStatus.Scheduled))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EventStatus.Published).SetProperty(e => e.PublishedAt, now)
                .SetProperty(e => e.PublishAt, (DateTimeOffset?)null), ct);
        return await EventStatusChange.RecordAsync(audit, db, grant, eventId, changed, AuditActions.EventPublished, EventStatus.Published, ct);
    }
}
