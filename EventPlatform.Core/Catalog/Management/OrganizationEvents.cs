using EventPlatform.Core.Common;
using EventPlatform.Core.Organizations;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Catalog.Management;

/// <summary>One row of the organizer's events list.</summary>
public sealed record OrganizerEventRow(Guid Id, string Title, string Slug, EventStatus Status, EventVisibility Visibility, DateTimeOffset? FirstStart,
    string TimeZone, int Sessions, int TicketsSold, int Capacity);

/// <summary>An event with everything the editor shows.</summary>
public sealed record EventForEditing(Event Event, IReadOnlyList<Session> Sessions, IReadOnlyList<TicketType> TicketTypes,
    string OrganizationCurrency);

/// <summary>The organizer's reads: the events list (status filter, search) and one event for editing. Analysts may read.</summary>
public sealed class OrganizationEvents(IAppDbContextFactory dbFactory, OrganizationAccess access, CatalogAccess catalogAccess)
{
    public async Task<IReadOnlyList<OrganizerEventRow>> ListAsync(Guid organizationId, EventStatus? status, string? search,
        CancellationToken ct = default)
    {
        await access.RequireAsync(organizationId, OrgRole.Analyst, ct);
        await using var db = await dbFactory.CreateAsync(ct);
        var query = db.Events.AsNoTracking().Where(e => e.OrganizationId == organizationId);
        if (status is { } wanted)
        {
            query = query.Where(e => e.Status == wanted);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            // Case-insensitive "contains", with the user's % and _ taken literally.
            var pattern = "%" + search.Trim().ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal)
                .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            query = query.Where(e => EF.Functions.Like(e.Title.ToLower(), pattern, "\\") || EF.Functions.Like(e.Slug, pattern, "\\")
                || (e.VenueName != null && EF.Functions.Like(e.VenueName.ToLower(), pattern, "\\")));
        }

        var rows = await query
            .Select(e => new OrganizerEventRow(
                e.Id, e.Title, e.Slug, e.Status, e.Visibility,
                e.Sessions.Min(s => (DateTimeOffset?)s.StartsAt),
                e.TimeZone,
                e.Sessions.Count,
                e.TicketTypes.Sum(t => t.Sold),
                e.Sessions.Sum(s => s.Capacity)))
            .ToListAsync(ct);
        // Upcoming first, then undated drafts, then the past.
        return rows.OrderBy(r => r.FirstStart is null ? 1 : 0).ThenBy(r => r.FirstStart).ThenBy(r => r.Title, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>The organization's defaults for a new event's form: its time zone.</summary>
    public async Task<string> DefaultTimeZoneAsync(Guid organizationId, CancellationToken ct = default)
    {
        await access.RequireAsync(organizationId, OrgRole.Manager, ct);
        await using var db = await dbFactory.CreateAsync(ct);
        return await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.DefaultTimeZone).SingleAsync(ct);
    }

    /// <summary>The organization's currency for new prices (a coupon's fixed amount starts in it).</summary>
    public async Task<string> DefaultCurrencyAsync(Guid organizationId, CancellationToken ct = default)
    {
        await access.RequireAsync(organizationId, OrgRole.Manager, ct);
        await using var db = await dbFactory.CreateAsync(ct);
        return await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.DefaultCurrency).SingleAsync(ct);
    }

    public async Task<EventForEditing> GetAsync(Guid eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        await catalogAccess.RequireEventAsync(db, eventId, OrgRole.Analyst, ct);
        var loaded = await db.Events.AsNoTracking().SingleAsync(e => e.Id == eventId, ct);
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.EventId == eventId).OrderBy(s => s.StartsAt).ThenBy(s => s.Code).ToListAsync(ct);
        var types = await db.TicketTypes.AsNoTracking().Include(t => t.Sessions).Where(t => t.EventId == eventId).OrderBy(t => t.SortOrder)
            .ThenBy(t => t.Name).ToListAsync(ct);
        var currency = await db.Organizations.Where(o => o.Id == loaded.OrganizationId).Select(o => o.DefaultCurrency).SingleAsync(ct);
        return new EventForEditing(loaded, sessions, types, currency);
    }
}
