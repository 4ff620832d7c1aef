using EventPlatform.Core.Auditing;
using EventPlatform.Core.Common;
using EventPlatform.Core.Common.Events;
using EventPlatform.Core.Organizations;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Catalog.Management;

/// <summary>Deletes a ticket type that was never ordered (even expired orders keep their tickets as history).</summary>
public sealed class DeleteTicketType(IAppDbContextFactory dbFactory, CatalogAccess catalogAccess, AuditTrail audit)
{
    public async Task<CommandResult<bool>> ExecuteAsync(Guid ticketTypeId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var eventId = await db.TicketTypes.Where(t => t.Id == ticketTypeId).Select(t => (Guid?)t.EventId).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException();
        var grant = await catalogAccess.RequireEventAsync(db, eventId, OrgRole.Manager, ct);
        if (await db.Tickets.AnyAsync(t => t.TicketTypeId == ticketTypeId, ct))
        {
            // Even unpaid, expired orders keep their tickets as history.
            return CommandResult<bool>.Failure(new ValidationFailure(ValidationFailure.FormLevel, UserMessages.TicketTypeHasOrders));
        }

        var deleted = await db.TicketTypes.Where(t => t.Id == ticketTypeId && t.Taken == 0).ExecuteDeleteAsync(ct);
        if (deleted == 0)
        {
            return CommandResult<bool>.Failure(new ValidationFailure(ValidationFailure.FormLevel, UserMessages.TicketTypeHasSales));
        }

        audit.Add(db, grant.UserId, grant.OrganizationId, AuditActions.TicketTypeDeleted, "TicketType", ticketTypeId.ToString());
        db.Raise(new CatalogChanged(eventId));
        await db.SaveChangesAsync(ct);
        return CommandResult<bool>.Success(true);
    }
}
