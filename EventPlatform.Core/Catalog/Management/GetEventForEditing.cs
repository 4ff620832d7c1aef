using EventPlatform.Core.Common;
using EventPlatform.Core.Ordering.Tickets;
using EventPlatform.Core.Organizations;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Catalog.Management;

/// <summary>An event with everything the editor shows.</summary>
/// <param name="Sold">Paid tickets per type and session (the rows' <c>Taken</c> counters include held places too).</param>
public sealed record EventForEditing(Event Event, IReadOnlyList<Session> Sessions, IReadOnlyList<TicketType> TicketTypes,
    string OrganizationCurrency, SoldTickets Sold);

/// <summary>One event with its sessions and ticket types, as the editor's tabs show it. Analysts may read.</summary>
public sealed class GetEventForEditing(IAppDbContextFactory dbFactory, CatalogAccess catalogAccess)
{
    public async Task<EventForEditing> ExecuteAsync(Guid eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        await catalogAccess.RequireEventAsync(db, eventId, OrgRole.Analyst, ct);
        var loaded = await db.Events.AsNoTracking().SingleAsync(e => e.Id == eventId, ct);
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.EventId == eventId).OrderBy(s => s.StartsAt).ThenBy(s => s.Code).ToListAsync(ct);
        var types = await db.TicketTypes.AsNoTracking().Include(t => t.Sessions).Where(t => t.EventId == eventId).OrderBy(t => t.SortOrder)
            .ThenBy(t => t.Name).ToListAsync(ct);
        var currency = await db.Organizations.Where(o => o.Id == loaded.OrganizationId).Select(o => o.DefaultCurrency).SingleAsync(ct);
        return new EventForEditing(loaded, sessions, types, currency, await SoldTickets.ForEventAsync(db, eventId, ct));
    }
}
