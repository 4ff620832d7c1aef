using EventPlatform.Core.Common;
using EventPlatform.Core.Ordering;
using EventPlatform.Core.Organizations;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Catalog.Management;

/// <summary>One row of the organizer's events list.</summary>
/// <param name="TicketsSold">Tickets sold, of every type: a pass for three sessions counts once.</param>
/// <param name="Fullest">
/// The session with the fewest places left (sold and held places taken from its capacity), which sells out first; null without sessions.
/// Adding the sessions' capacities would mix places of different sessions (145 of 600 hides a 200-place session with 5 left).
/// </param>
public sealed record OrganizerEventRow(Guid Id, string Title, string Slug, EventStatus Status, EventVisibility Visibility, DateTimeOffset? FirstStart,
    string TimeZone, int Sessions, int TicketsSold, SessionFill? Fullest);

/// <summary>How full one session is.</summary>
/// <param name="Taken">Sold or held (the session's guard counter); <paramref name="Sold"/> are paid tickets, counted.</param>
public sealed record SessionFill(string Code, string Name, int Sold, int Taken, int Capacity)
{
    public int Held => Math.Max(0, Taken - Sold);
    public int Left => Math.Max(0, Capacity - Taken);
}

/// <summary>The organizer's events list: a status filter and a search of title, slug and venue. Analysts may read.</summary>
public sealed class ListOrganizerEvents(IAppDbContextFactory dbFactory, OrganizationAccess access)
{
    public async Task<IReadOnlyList<OrganizerEventRow>> ExecuteAsync(Guid organizationId, EventStatus? status, string? search,
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
            var pattern = LikePattern.Containing(search);
            query = query.Where(e => EF.Functions.Like(e.Title.ToLower(), pattern, "\\") || EF.Functions.Like(e.Slug, pattern, "\\")
                || (e.VenueName != null && EF.Functions.Like(e.VenueName.ToLower(), pattern, "\\")));
        }

        var rows = await query
            .Select(e => new OrganizerEventRow(
                e.Id, e.Title, e.Slug, e.Status, e.Visibility,
                e.Sessions.Min(s => (DateTimeOffset?)s.StartsAt),
                e.TimeZone,
                e.Sessions.Count,
                db.Tickets.Count(t => t.EventId == e.Id && t.Status == TicketStatus.Valid),
                // Fewest places left; of two with as many left, the one with more taken (so the fuller); then the earlier.
                e.Sessions.OrderBy(s => s.Capacity - s.Taken).ThenByDescending(s => s.Taken).ThenBy(s => s.StartsAt)
                    .Select(s => new SessionFill(s.Code, s.Name,
                        db.Tickets.Count(t => t.EventId == e.Id && t.Status == TicketStatus.Valid
                            && db.TicketTypeSessions.Any(l => l.SessionId == s.Id && l.TicketTypeId == t.TicketTypeId)),
                        s.Taken, s.Capacity))
                    .FirstOrDefault()))
            .ToListAsync(ct);
        // Upcoming first, then undated drafts, then the past.
        return rows.OrderBy(r => r.FirstStart is null ? 1 : 0).ThenBy(r => r.FirstStart).ThenBy(r => r.Title, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }
}
