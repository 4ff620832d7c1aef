using EventPlatform.Core.Catalog.Management;
using EventPlatform.Core.Common;
using EventPlatform.Core.Organizations;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.CheckIn;

/// <summary>Who is scanning, for which event: a kiosk (by its token) or a signed-in staff member.</summary>
public sealed record CheckInStation(Guid EventId, Guid OrganizationId, string StationName, Guid? KioskId, Guid? UserId, Guid? AllowedSessionId)
{
    public string EventTitle { get; init; } = "";
    public string TimeZone { get; init; } = "UTC";
}

/// <summary>Opens a station: from a kiosk token, or for organization staff (CheckInStaff and up).</summary>
public sealed class CheckInStations(IAppDbContextFactory dbFactory, CatalogAccess catalogAccess, OrganizationAccess access, TimeProvider clock)
{
    /// <summary>Events of the organization whose doors are open now or soon, for check-in staff to pick from.</summary>
    public async Task<IReadOnlyList<CheckInEvent>> EventsAsync(Guid organizationId, CancellationToken ct = default)
    {
        await access.RequireAsync(organizationId, OrgRole.CheckInStaff, ct);
        await using var db = await dbFactory.CreateAsync(ct);
        var since = clock.GetUtcNow().AddHours(-12);
        return await db.Events.AsNoTracking()
            .Where(e => e.OrganizationId == organizationId && e.Status == Catalog.EventStatus.Published && e.Sessions.Any(s => s.EndsAt > since))
            .Select(e => new { e.Id, e.Title, NextStart = e.Sessions.Where(s => s.EndsAt > since).Min(s => s.StartsAt), e.TimeZone })
            .OrderBy(e => e.NextStart).Take(20)
            .Select(e => new CheckInEvent(e.Id, e.Title, e.NextStart, e.TimeZone)).ToListAsync(ct);
    }

    /// <summary>The kiosk of this token while it is active, on the device it is bound to; null otherwise (see <see cref="OpenKioskAsync"/> for
    /// why).</summary>
    public async Task<CheckInStation?> ForKioskAsync(string? token, string? device, CancellationToken ct = default) =>
        (await OpenKioskAsync(token, device, ct)).Station;

    /// <summary>
    /// Opens the kiosk of a token. The first device to open a link owns it: the link is bound to
    /// that browser's device cookie, and any other device is refused (the organizer issues a new
    /// link for a replacement tablet). A forged, expired or revoked token reveals nothing more.
    /// </summary>
    public async Task<KioskOpening> OpenKioskAsync(string? token, string? device, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return new KioskOpening(null, KioskRefusal.NotValid);
        }

        var hash = SecureToken.Hash(token.Trim());
        await using var db = await dbFactory.CreateAsync(ct);
        var kiosk = await db.Kiosks.AsNoTracking().SingleOrDefaultAsync(k => k.TokenHash == hash, ct);
        if (kiosk is null || !kiosk.IsActive(clock.GetUtcNow()))
        {
            return new KioskOpening(null, KioskRefusal.NotValid);
        }

        if (string.IsNullOrEmpty(device))
        {
            return new KioskOpening(null, KioskRefusal.NoDevice);
        }

        if (kiosk.BoundDevice is null)
        {
            // Two tablets opening the link at once: the database lets exactly one claim it.
            await db.Kiosks.Where(k => k.Id == kiosk.Id && k.BoundDevice == null)
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.BoundDevice, device), ct);
            kiosk.BoundDevice = await db.Kiosks.Where(k => k.Id == kiosk.Id).Select(k => k.BoundDevice).SingleAsync(ct);
        }

        if (kiosk.BoundDevice != device)
        {
            return new KioskOpening(null, KioskRefusal.OtherDevice);
        }

        var ev = await db.Events.AsNoTracking().Where(e => e.Id == kiosk.EventId).Select(e => new { e.Title, e.TimeZone }).SingleAsync(ct);
        return new KioskOpening(
            new CheckInStation(kiosk.EventId, kiosk.OrganizationId, kiosk.StationName, kiosk.Id, null, kiosk.SessionId) { EventTitle = ev.Title,
                TimeZone = ev.TimeZone },
            KioskRefusal.None);
    }

    public async Task<CheckInStation> ForStaffAsync(Guid eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var grant = await catalogAccess.RequireEventAsync(db, eventId, OrgRole.CheckInStaff, ct);
        var name = await db.Users.Where(u => u.Id == grant.UserId).Select(u => u.DisplayName ?? u.Email).SingleOrDefaultAsync(ct);
        var ev = await db.Events.AsNoTracking().Where(e => e.Id == eventId).Select(e => new { e.Title, e.TimeZone }).SingleAsync(ct);
        return new CheckInStation(eventId, grant.OrganizationId, $"Staff: {name}", null, grant.UserId, null) { EventTitle = ev.Title,
            TimeZone = ev.TimeZone };
    }

    /// <summary>The sessions this station may check in, with the one to start on: running now, else the next, else the last.</summary>
    public async Task<(IReadOnlyList<StationSession> Sessions, Guid? Current)> SessionsAsync(CheckInStation station, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.EventId == station.EventId && (station.AllowedSessionId == null || s.Id == station.AllowedSessionId))
            .OrderBy(s => s.StartsAt).Select(s => new StationSession(s.Id, s.Code, s.Name, s.StartsAt, s.EndsAt)).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var current = sessions.FirstOrDefault(s => s.StartsAt - TimeSpan.FromHours(2) <= now && now < s.EndsAt)
            ?? sessions.FirstOrDefault(s => s.StartsAt > now)
            ?? sessions.LastOrDefault();
        return (sessions, current?.Id);
    }

    /// <summary>Whether the kiosk is still usable, or the staff member still holds the check-in role (open pages check every few seconds).</summary>
    public async Task<bool> IsActiveAsync(CheckInStation station, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await StationGrant.StillValidAsync(db, station, clock.GetUtcNow(), ct);
    }
}

public enum KioskRefusal
{
    None,
    /// <summary>Forged, expired or revoked.</summary>
    NotValid,
    /// <summary>Already bound to another tablet.</summary>
    OtherDevice,
    /// <summary>The browser keeps no cookies, so the kiosk cannot be bound to it.</summary>
    NoDevice,
}

public sealed record KioskOpening(CheckInStation? Station, KioskRefusal Refusal);

public sealed record CheckInEvent(Guid Id, string Title, DateTimeOffset NextStart, string TimeZone);

public sealed record StationSession(Guid Id, string Code, string Name, DateTimeOffset StartsAt, DateTimeOffset EndsAt);
