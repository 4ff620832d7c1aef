using EventPlatform.Core.Catalog.Management;
using EventPlatform.Core.Common;
using EventPlatform.Core.Organizations;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Ordering.Exports;

public sealed record CheckInListRow(string Name, string TicketType, string OrderNumber, bool CheckedIn);

public sealed record CheckInListView(string EventTitle, string TimeZone, string SessionLabel, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    IReadOnlyList<CheckInListRow> Rows);

/// <summary>
/// A session's valid tickets sorted by name, for doors without a tablet: printed and ticked off by hand. Analyst and up.
/// A list the size of one session, so it is read whole.
/// </summary>
public sealed class CheckInList(IAppDbContextFactory dbFactory, CatalogAccess catalogAccess)
{
    public async Task<CheckInListView> ExecuteAsync(Guid eventId, Guid sessionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        await catalogAccess.RequireEventAsync(db, eventId, OrgRole.Analyst, ct);
        var session = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId && s.EventId == eventId)
            .Select(s => new { s.Code, s.Name, s.StartsAt, s.EndsAt }).SingleOrDefaultAsync(ct) ?? throw new NotFoundException();
        var ev = await db.Events.AsNoTracking().Where(e => e.Id == eventId).Select(e => new { e.Title, e.TimeZone }).SingleAsync(ct);
        var types = db.TicketTypeSessions.Where(l => l.SessionId == sessionId).Select(l => l.TicketTypeId);
        var tickets = await db.Orders.AsNoTracking().Where(o => o.EventId == eventId)
            .SelectMany(o => o.Tickets, (o, t) => new { o.Number, o.BuyerName, Ticket = t })
            .Where(x => x.Ticket.Status == TicketStatus.Valid && types.Contains(x.Ticket.TicketTypeId))
            .Select(x => new
            {
                x.Ticket.AttendeeName, x.BuyerName, x.Ticket.TicketTypeName, x.Number,
                CheckedIn = db.CheckIns.Any(c => c.TicketId == x.Ticket.Id && c.SessionId == sessionId && c.UndoneAt == null),
            })
            .ToListAsync(ct);
        var rows = tickets
            .Select(t => new CheckInListRow(t.AttendeeName ?? t.BuyerName ?? "(no name given)", t.TicketTypeName, t.Number, t.CheckedIn))
            .OrderBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(r => r.OrderNumber, StringComparer.Ordinal).ToList();
        return new CheckInListView(ev.Title, ev.TimeZone, $"{session.Code} {session.Name}", session.StartsAt, session.EndsAt, rows);
    }
}
