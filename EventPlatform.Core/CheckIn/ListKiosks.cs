using EventPlatform.Core.Catalog.Management;
using EventPlatform.Core.Common;
using EventPlatform.Core.Organizations;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.CheckIn;

/// <summary>The kiosks of an event with their state, for its organizers.</summary>
public sealed class ListKiosks(IAppDbContextFactory dbFactory, CatalogAccess catalogAccess, TimeProvider clock)
{
    public async Task<IReadOnlyList<KioskRow>> ExecuteAsync(Guid eventId, CancellationToken ct = default)
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
}
