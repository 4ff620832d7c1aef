using EventPlatform.Core.Common;
using EventPlatform.Core.Organizations;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.CheckIn;

/// <summary>
/// Whether a check-in station may still act, asked at the moment it acts: a kiosk must be neither
/// revoked nor expired, and a staff member must still hold the check-in role (or more) in the
/// organization. A page left open keeps nothing its grant no longer gives.
/// </summary>
internal static class StationGrant
{
    public static async Task<bool> StillValidAsync(IAppDbContext db, CheckInStation station, DateTimeOffset now, CancellationToken ct)
    {
        if (station.KioskId is { } kioskId)
        {
            return await db.Kiosks.AnyAsync(k => k.Id == kioskId && k.RevokedAt == null && k.ExpiresAt > now, ct);
        }

        if (station.UserId is not { } userId)
        {
            return false;
        }

        var role = await db.OrganizationMembers.Where(m => m.OrganizationId == station.OrganizationId && m.UserId == userId)
            .Select(m => (OrgRole?)m.Role).SingleOrDefaultAsync(ct);
        return (role is { } held && held.Includes(OrgRole.CheckInStaff)) || await OrganizationAccess.IsPlatformAdminAsync(db, userId, ct);
    }
}
