using EventPlatform.Core.Auditing;
using EventPlatform.Core.Catalog.Management;
using EventPlatform.Core.Common;
using EventPlatform.Core.Organizations;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.CheckIn;

public enum KioskState
{
    Active,
    Expired,
    Revoked,
}

public sealed record KioskRow(Guid Id, string StationName, string? SessionName, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt,
    DateTimeOffset? LastActivityAt, KioskState State);

/// <summary>The token of a new kiosk: shown once, never stored.</summary>
public sealed record KioskCreated(Guid KioskId, string Token);

/// <summary>Kiosks of an event (Manager and up): create with a one-time token, list, revoke.</summary>
public sealed class ManageKiosks(IAppDbContextFactory dbFactory, CatalogAccess catalogAccess, AuditTrail audit, TimeProvider clock)
{
    public async Task<CommandResult<KioskCreated>> CreateAsync(Guid eventId, string? stationName, int hours, Guid? sessionId,
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
            new { kiosk.StationName, Hours = hours, kiosk.SessionId });
        await db.SaveChangesAsync(ct);
        return CommandResult<KioskCreated>.Success(new KioskCreated(kiosk.Id, token));
    }

    public async Task<IReadOnlyList<KioskRow>> ListAsync(Guid eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        await catalogAccess.RequireEventAsync(db, eventId, OrgRole.Manager, ct);
        var now = clock.GetUtcNow();
        var kiosks = await db.Kiosks.AsNoTracking().Where(k => k.EventId == eventId).OrderByDescending(k => k.CreatedAt)
            .Select(k => new { Kiosk = k, Session = db.Sessions.Where(s => s.Id == k.SessionId).Select(s => s.Name).FirstOrDefault() })
            .ToListAsync(ct);
        return kiosks.Select(x =>
            new KioskRow(x.Kiosk.Id, x.Kiosk.StationName, x.Session, x.Kiosk.CreatedAt, x.Kiosk.ExpiresAt, x.Kiosk.LastActivityAt,
            x.Kiosk.StateAt(now))).ToList();
    }

    public async Task RevokeAsync(Guid kioskId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var eventId = await db.Kiosks.Where(k => k.Id == kioskId).Select(k => (Guid?)k.EventId).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException();
        var grant = await catalogAccess.RequireEventAsync(db, eventId, OrgRole.Manager, ct);
        var now = clock.GetUtcNow();
        await db.Kiosks.Where(k => k.Id == kioskId && k.RevokedAt == null).ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, now), ct);
        audit.Add(db, grant.UserId, grant.OrganizationId, AuditActions.KioskRevoked, "Kiosk", kioskId.ToString());
        await db.SaveChangesAsync(ct);
    }
}
