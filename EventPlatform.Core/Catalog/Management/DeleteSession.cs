using EventPlatform.Core.Auditing;
using EventPlatform.Core.Common;
using EventPlatform.Core.Common.Events;
using EventPlatform.Core.Organizations;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Catalog.Management;

/// <summary>Deletes a session that no ticket type includes and that has nothing sold or held.</summary>
public sealed class DeleteSession(IAppDbContextFactory dbFactory, CatalogAccess catalogAccess, AuditTrail audit)
{
    public async Task<CommandResult<bool>> ExecuteAsync(Guid sessionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var eventId = await db.Sessions.Where(s => s.Id == sessionId).Select(s => (Guid?)s.EventId).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException();
        var grant = await catalogAccess.RequireEventAsync(db, eventId, OrgRole.Manager, ct);
        if (await db.TicketTypeSessions.AnyAsync(t => t.SessionId == sessionId, ct))
        {
            return CommandResult<bool>.Failure(new ValidationFailure(ValidationFailure.FormLevel, UserMessages.SessionInTicketType));
        }

        int deleted;
        try
        {
            deleted = await db.Sessions.Where(s => s.Id == sessionId && s.Taken == 0).ExecuteDeleteAsync(ct);
        }
        catch (System.Data.Common.DbException)
        {
            // A ticket type took the session in between; the foreign key refused the delete.
            return CommandResult<bool>.Failure(new ValidationFailure(ValidationFailure.FormLevel, UserMessages.SessionInTicketType));
        }

        if (deleted == 0)
        {
            return CommandResult<bool>.Failure(new ValidationFailure(ValidationFailure.FormLevel, UserMessages.SessionHasSales));
        }

        audit.Add(db, grant.UserId, grant.OrganizationId, AuditActions.SessionDeleted, "Session", sessionId.ToString());
        db.Raise(new CatalogChanged(eventId));
        await db.SaveChangesAsync(ct);

        return CommandResult<bool>.Success(true);
    }
}
