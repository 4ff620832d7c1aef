using EventPlatform.Core.Auditing;
using EventPlatform.Core.Common;
using EventPlatform.Core.Organizations;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Catalog.Management;

/// <summary>Schedules an event's publication at a future time; <see cref="AdvanceEventLifecycle"/> publishes it then.</summary>
public sealed class ScheduleEvent(IAppDbContextFactory dbFactory, CatalogAccess catalogAccess, AuditTrail audit, TimeProvider clock)
{
    /// <summary>Schedules publication at a future time (a hosted worker publishes it).</summary>
    public async Task<CommandResult<EventStatus>> ExecuteAsync(Guid eventId, DateTimeOffset publishAt, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var grant = await catalogAccess.RequireEventAsync(db, eventId, OrgRole.Manager, ct);
        if (publishAt <= clock.GetUtcNow())
        {
            return CommandResult<EventStatus>.Failure(new ValidationFailure("PublishAt", UserMessages.PublishAtInFuture));
        }

        if (!await EventStatusChange.IsSellableAsync(db, eventId, ct))
        {
            return CommandResult<EventStatus>.Failure(new ValidationFailure(ValidationFailure.FormLevel, UserMessages.PublishNeedsSessions));
        }

        var at = publishAt.ToUniversalTime();
        var changed = await db.Events
            .Where(e => e.Id == eventId && (e.Status == EventStatus.Draft || e.Status == EventStatus.Scheduled))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EventStatus.Scheduled).SetProperty(e => e.PublishAt, at), ct);
        return await EventStatusChange.RecordAsync(audit, db, grant, eventId, changed, AuditActions.EventScheduled, EventStatus.Scheduled, ct);
    }
}
