using EventPlatform.Core.Auditing;
using EventPlatform.Core.Catalog.Management;
using EventPlatform.Core.Common;
using EventPlatform.Core.Organizations;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.CheckIn;

/// <summary>Creates a kiosk of an event (Manager and up) with a one-time token for its link.</summary>
public sealed class CreateKiosk(IAppDbContextFactory dbFactory, CatalogAccess catalogAccess, AuditTrail audit, TimeProvider clock)
{
    public async Task<CommandResult<KioskCreated>> ExecuteAsync(Guid eventId, string? stationName, int hours, Guid? sessionId,
        CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var grant = await catalogAccess.RequireEventAsync(db, eventId, OrgRole.Manager, ct);
        var errors = new List<ValidationFailure>();
        if (string.IsNullOrWhiteSpace(stationName) || stationName.Trim().Length > 100)
        {
            errors.Add(new("StationName", UserMessages.KioskStationName));
        }

        if (hours is < Kiosk.MinHours or > Kiosk.MaxHours)
        {
            errors.Add(new("Hours", UserMessages.KioskHours));
        }

        if (sessionId is { } id && !await db.Sessions.AnyAsync(s => s.Id == id && s.EventId == eventId, ct))
        {
            errors.Add(new("SessionId", UserMessages.KioskSession));
        }

        if (errors.Count > 0)
        {
            return CommandResult<KioskCreated>.Failure(errors);
        }

        var token = SecureToken.Create();
        var now = clock.GetUtcNow();
        var kiosk = new Kiosk
        {
            Id = Guid.CreateVersion7(),
            EventId = eventId,
            OrganizationId = grant.OrganizationId,
            StationName = stationName!.Trim(),
            TokenHash = SecureToken.Hash(token),
            SessionId = sessionId,
            CreatedAt = now,
            ExpiresAt = now.AddHours(hours),
            CreatedByUserId = grant.UserId,
        };
        db.Kiosks.Add(kiosk);
        audit.Add(db, grant.UserId, grant.OrganizationId, AuditActions.KioskCreated, "Kiosk", kiosk.Id.ToString(),
            new KioskCreatedDetails(kiosk.StationName, hours, kiosk.SessionId));
        await db.SaveChangesAsync(ct);
        return CommandResult<KioskCreated>.Success(new KioskCreated(kiosk.Id, token));
    }
}
