using EventPlatform.Core.Auditing;
using EventPlatform.Core.Common;
using EventPlatform.Core.Common.Events;
using EventPlatform.Core.Ordering;
using EventPlatform.Core.Organizations;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Catalog.Management;

/// <summary>Deletes an event that never sold anything (abandoned checkouts go with it).</summary>
public sealed class DeleteEvent(IAppDbContextFactory dbFactory, CatalogAccess catalogAccess, AuditTrail audit)
{
    /// <summary>Deletes an event that never sold anything.</summary>
    public async Task<CommandResult<bool>> ExecuteAsync(Guid eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var grant = await catalogAccess.RequireEventAsync(db, eventId, OrgRole.Manager, ct);
        await using var transaction = await db.BeginTransactionWithLockTimeoutAsync(ct);
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
            .Where(e => !db.TicketTypes.Any(t => t.EventId == e.Id && t.Taken > 0))
            .Where(e => !db.Sessions.Any(s => s.EventId == e.Id && s.Taken > 0))
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
}
