using EventPlatform.Core.Auditing;
using EventPlatform.Core.Catalog.Browsing;
using EventPlatform.Core.Common;
using EventPlatform.Core.Ordering.Cancellation;
using EventPlatform.Core.Ordering;
using EventPlatform.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using EventPlatform.Core.Common.Events;

namespace EventPlatform.Core.Catalog.Management;

/// <summary>
/// Moves an event through its life: Draft → Scheduled → Published → Completed, Cancelled from any
/// state, and deletion of events without sales. Each move checks the current state first and is a
/// conditional update, so two organizers clicking at once cannot skip a rule.
/// </summary>
public sealed class ChangeEventStatus(IAppDbContextFactory dbFactory, CatalogAccess catalogAccess, AuditTrail audit, TimeProvider clock, IServiceProvider services)
{
    /// <summary>Publishes now (from Draft or Scheduled).</summary>
    public async Task<CommandResult<EventStatus>> PublishAsync(Guid eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var grant = await catalogAccess.RequireEventAsync(db, eventId, OrgRole.Manager, ct);
        if (!await IsSellableAsync(db, eventId, ct))
        {
            return CommandResult<EventStatus>.Failure(new ValidationFailure(ValidationFailure.FormLevel, UserMessages.PublishNeedsSessions));
        }

        var now = clock.GetUtcNow();
        var changed = await db.Events
            .Where(e => e.Id == eventId && (e.Status == EventStatus.Draft || e.Status == EventStatus.Scheduled))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EventStatus.Published).SetProperty(e => e.PublishedAt, now).SetProperty(e => e.PublishAt, (DateTimeOffset?)null), ct);
        return await RecordAsync(db, grant, eventId, changed, AuditActions.EventPublished, EventStatus.Published, ct);
    }

    /// <summary>Schedules publication at a future time (a hosted worker publishes it).</summary>
    public async Task<CommandResult<EventStatus>> ScheduleAsync(Guid eventId, DateTimeOffset publishAt, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var grant = await catalogAccess.RequireEventAsync(db, eventId, OrgRole.Manager, ct);
        if (publishAt <= clock.GetUtcNow())
        {
            return CommandResult<EventStatus>.Failure(new ValidationFailure("PublishAt", UserMessages.PublishAtInFuture));
        }

        if (!await IsSellableAsync(db, eventId, ct))
        {
            return CommandResult<EventStatus>.Failure(new ValidationFailure(ValidationFailure.FormLevel, UserMessages.PublishNeedsSessions));
        }

        var at = publishAt.ToUniversalTime();
        var changed = await db.Events
            .Where(e => e.Id == eventId && (e.Status == EventStatus.Draft || e.Status == EventStatus.Scheduled))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EventStatus.Scheduled).SetProperty(e => e.PublishAt, at), ct);
        return await RecordAsync(db, grant, eventId, changed, AuditActions.EventScheduled, EventStatus.Scheduled, ct);
    }

    /// <summary>
    /// Cancels the event: sales stop at once (the status is checked by every hold and every
    /// confirmation), then every paid order is cancelled and refunded, and its buyer emailed.
    /// </summary>
    public async Task<CommandResult<EventStatus>> CancelAsync(Guid eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var grant = await catalogAccess.RequireEventAsync(db, eventId, OrgRole.Manager, ct);
        var now = clock.GetUtcNow();
        var changed = await db.Events
            .Where(e => e.Id == eventId && e.Status != EventStatus.Cancelled && e.Status != EventStatus.Completed)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EventStatus.Cancelled).SetProperty(e => e.CancelledAt, now), ct);
        var result = await RecordAsync(db, grant, eventId, changed, AuditActions.EventCancelled, EventStatus.Cancelled, ct);
        if (result.Succeeded)
        {
            // Resolved here rather than injected: the refund use cases depend on the catalog's services.
            await services.GetRequiredService<RefundCancelledEvent>().ExecuteAsync(eventId, grant.UserId, ct);
        }

        return result;
    }

    /// <summary>Deletes an event that never sold anything.</summary>
    public async Task<CommandResult<bool>> DeleteAsync(Guid eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var grant = await catalogAccess.RequireEventAsync(db, eventId, OrgRole.Manager, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Sessions may not be deleted while a ticket type includes them, so the links go first;
        // if the event turns out to have sales, the rollback puts them back.
        await db.TicketTypeSessions.Where(l => db.TicketTypes.Any(t => t.Id == l.TicketTypeId && t.EventId == eventId)).ExecuteDeleteAsync(ct);
        // Abandoned checkouts (expired, never paid) go with the event; anything with money in it keeps the event.
        // An expired order with a payment intent may still be paid at the gateway (a late webhook):
        // deleting it would lose a paid order, so it keeps the event too.
        var abandoned = db.Orders.Where(o => o.EventId == eventId && o.Status == OrderStatus.Expired && o.PaidMinor == 0 && o.PaymentIntentId == null
            && !db.OrderRefunds.Any(r => r.OrderId == o.Id));
        await db.Tickets.Where(t => abandoned.Any(o => o.Id == t.OrderId)).ExecuteDeleteAsync(ct);
        await abandoned.ExecuteDeleteAsync(ct);
        var deleted = await db.Events
            .Where(e => e.Id == eventId)
            .Where(e => !db.TicketTypes.Any(t => t.EventId == e.Id && (t.Sold > 0 || t.Held > 0)))
            .Where(e => !db.Sessions.Any(s => s.EventId == e.Id && (s.Sold > 0 || s.Held > 0)))
            .Where(e => !db.Orders.Any(o => o.EventId == e.Id))
            .ExecuteDeleteAsync(ct);
        if (deleted == 0)
        {
            await transaction.RollbackAsync(ct);
            return CommandResult<bool>.Failure(new ValidationFailure(ValidationFailure.FormLevel, UserMessages.EventHasSales));
        }

        audit.Add(db, grant.UserId, grant.OrganizationId, AuditActions.EventDeleted, "Event", eventId.ToString());
        // Listings only: a deleted event has no page left to update.
        db.Raise(new CatalogChanged(EventId: null));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return CommandResult<bool>.Success(true);
    }

    private static async Task<bool> IsSellableAsync(IAppDbContext db, Guid eventId, CancellationToken ct) =>
        await db.Sessions.AnyAsync(s => s.EventId == eventId, ct) &&
        await db.TicketTypes.AnyAsync(t => t.EventId == eventId && t.IsActive && t.Sessions.Count > 0, ct);

    private async Task<CommandResult<EventStatus>> RecordAsync(IAppDbContext db, OrganizationGrant grant, Guid eventId, int changed, AuditAction action, EventStatus status, CancellationToken ct)
    {
        if (changed == 0)
        {
            var current = await db.Events.Where(e => e.Id == eventId).Select(e => e.Status).SingleAsync(ct);
            return CommandResult<EventStatus>.Failure(new ValidationFailure(
                ValidationFailure.FormLevel,
                $"This event is {current.ToString().ToLowerInvariant()} and cannot become {status.ToString().ToLowerInvariant()}."));
        }

        audit.Add(db, grant.UserId, grant.OrganizationId, action, "Event", eventId.ToString());
        db.Raise(new CatalogChanged(eventId));
        await db.SaveChangesAsync(ct);
        return CommandResult<EventStatus>.Success(status);
    }
}
