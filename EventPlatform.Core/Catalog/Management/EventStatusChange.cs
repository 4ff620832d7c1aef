using System.Globalization;
using EventPlatform.Core.Auditing;
using EventPlatform.Core.Common;
using EventPlatform.Core.Common.Events;
using EventPlatform.Core.Organizations;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Catalog.Management;

/// <summary>
/// An event's life: Draft → Scheduled → Published → Completed, Cancelled from any state but
/// Completed, and deletion of events without sales. Each move (<see cref="PublishEvent"/>,
/// <see cref="ScheduleEvent"/>, <see cref="CancelEvent"/>, <see cref="DeleteEvent"/>) checks the
/// current state first and is a conditional update, so two organizers clicking at once cannot
/// skip a rule. What the moves share is here.
/// </summary>
internal static class EventStatusChange
{
    /// <summary>An event can go on sale once it has a session and an active ticket type that includes one.</summary>
    public static async Task<bool> IsSellableAsync(IAppDbContext db, Guid eventId, CancellationToken ct) =>
        await db.Sessions.AnyAsync(s => s.EventId == eventId, ct) &&
        await db.TicketTypes.AnyAsync(t => t.EventId == eventId && t.IsActive && t.Sessions.Count > 0, ct);

    /// <summary>
    /// Records a status change made by a conditional update: nothing changed means the event was in
    /// a state it cannot move from, which the organizer is told; otherwise audited and announced.
    /// </summary>
    public static async Task<CommandResult<EventStatus>> RecordAsync(AuditTrail audit, IAppDbContext db, OrganizationGrant grant, Guid eventId,
        int changed, AuditAction action, EventStatus status, CancellationToken ct)
    {
        if (changed == 0)
        {
            var current = await db.Events.Where(e => e.Id == eventId).Select(e => e.Status).SingleAsync(ct);
            return CommandResult<EventStatus>.Failure(new ValidationFailure(ValidationFailure.FormLevel,
                string.Format(CultureInfo.InvariantCulture, UserMessages.StatusCannotChange,
                    current.ToString().ToLowerInvariant(), status.ToString().ToLowerInvariant())));
        }

        audit.Add(db, grant.UserId, grant.OrganizationId, action, "Event", eventId.ToString());
        db.Raise(new CatalogChanged(eventId));
        await db.SaveChangesAsync(ct);
        return CommandResult<EventStatus>.Success(status);
    }
}
