using EventPlatform.Core.Auditing;
using EventPlatform.Core.Catalog.Management;
using EventPlatform.Core.Common;
using EventPlatform.Core.Organizations;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.CheckIn;

/// <summary>Revokes a kiosk: an open kiosk screen stops within seconds.</summary>
public sealed class RevokeKiosk(IAppDbContextFactory dbFactory, CatalogAccess catalogAccess, AuditTrail audit, TimeProvider clock)
{
    public async Task ExecuteAsync(Guid kioskId, CancellationToken ct = default)
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
