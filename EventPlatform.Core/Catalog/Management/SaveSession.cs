using System.Globalization;
using EventPlatform.Core.Auditing;
using EventPlatform.Core.Common;
using EventPlatform.Core.Common.Events;
using EventPlatform.Core.Organizations;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Catalog.Management;

/// <summary>A session as the organizer edits it. Times are instants (the page converts from the event's zone).</summary>
public sealed record SessionDetails(string? Name, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Capacity)
{
    public IReadOnlyList<ValidationFailure> Validate()
    {
        var errors = new List<ValidationFailure>();
        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > 200)
        {
            errors.Add(new(nameof(Name), UserMessages.SessionNameRequired));
        }

        if (EndsAt <= StartsAt)
        {
            errors.Add(new(nameof(EndsAt), UserMessages.SessionEndAfterStart));
        }

        if (Capacity < 1)
        {
            errors.Add(new(nameof(Capacity), UserMessages.CapacityPositive));
        }

        return errors;
    }
}

/// <summary>
/// Adds, changes and deletes sessions. Codes S1, S2, … come from a counter on the event that
/// only grows; capacity changes and deletions are conditional updates, so a concurrent sale can
/// never leave capacity below what is sold and held.
/// </summary>
public sealed class SaveSession(IAppDbContextFactory dbFactory, CatalogAccess catalogAccess, AuditTrail audit)
{
    public async Task<CommandResult<Session>> AddAsync(Guid eventId, SessionDetails details, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var grant = await catalogAccess.RequireEventAsync(db, eventId, OrgRole.Manager, ct);
        var errors = details.Validate();
        if (errors.Count > 0)
        {
            return CommandResult<Session>.Failure(errors);
        }

        await using var transaction = await db.BeginTransactionWithLockTimeoutAsync(ct);
        // Taking the number locks the event row until commit, so two organizers adding at once get S3 and S4.
        await db.Events.Where(e => e.Id == eventId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.NextSessionNumber, e => e.NextSessionNumber + 1), ct);
        var number = await db.Events.Where(e => e.Id == eventId).Select(e => e.NextSessionNumber - 1).SingleAsync(ct);
        var session = new Session
        {
            Id = Guid.CreateVersion7(),
            EventId = eventId,
            Code = Session.CodeFor(number),
            Name = details.Name!.Trim(),
            StartsAt = details.StartsAt.ToUniversalTime(),
            EndsAt = details.EndsAt.ToUniversalTime(),
            Capacity = details.Capacity,
        };
        db.Sessions.Add(session);
        audit.Add(db, grant.UserId, grant.OrganizationId, AuditActions.SessionCreated, "Session", session.Id.ToString(),
            new SessionSavedDetails(session.Code, session.Name, session.Capacity));
        db.Raise(new CatalogChanged(eventId));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        return CommandResult<Session>.Success(session);
    }

    public async Task<CommandResult<Session>> UpdateAsync(Guid sessionId, SessionDetails details, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var eventId = await db.Sessions.Where(s => s.Id == sessionId).Select(s => (Guid?)s.EventId).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException();
        var grant = await catalogAccess.RequireEventAsync(db, eventId, OrgRole.Manager, ct);
        var errors = details.Validate();
        if (errors.Count > 0)
        {
            return CommandResult<Session>.Failure(errors);
        }

        var name = details.Name!.Trim();
        await using var transaction = await db.BeginTransactionWithLockTimeoutAsync(ct);
        await db.Locks.EventForSessionChangeAsync(eventId, ct);
        var updated = await db.Sessions
            .Where(s => s.Id == sessionId && s.Taken <= details.Capacity)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Name, name)
                .SetProperty(x => x.StartsAt, details.StartsAt.ToUniversalTime())
                .SetProperty(x => x.EndsAt, details.EndsAt.ToUniversalTime())
                .SetProperty(x => x.Capacity, details.Capacity), ct);
        var session = await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == sessionId, ct);
        if (updated == 0)
        {
            var taken = session.Taken.ToString(CultureInfo.InvariantCulture);
            return CommandResult<Session>.Failure(new ValidationFailure(nameof(SessionDetails.Capacity),
                string.Format(CultureInfo.InvariantCulture, UserMessages.CapacityBelowSold, taken)));
        }

        audit.Add(db, grant.UserId, grant.OrganizationId, AuditActions.SessionUpdated, "Session", sessionId.ToString(),
            new SessionSavedDetails(session.Code, session.Name, session.Capacity));
        db.Raise(new CatalogChanged(eventId));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        return CommandResult<Session>.Success(session);
    }
}
