using EventPlatform.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Ordering.Tickets;

/// <summary>
/// Paid, valid tickets per ticket type and per session, counted from the tickets. The counters keep
/// only what is taken (sold or held, docs/decisions/0005-one-guard-counter.md), so the organizer's
/// views that split sold from held count here: held = taken − sold. Buyers' availability never
/// needs this; it reads the counters.
/// </summary>
public sealed record SoldTickets(IReadOnlyDictionary<Guid, int> ByType, IReadOnlyDictionary<Guid, int> BySession)
{
    public int OfType(Guid ticketTypeId) => ByType.GetValueOrDefault(ticketTypeId);

    public int InSession(Guid sessionId) => BySession.GetValueOrDefault(sessionId);

    /// <summary>Held places of a row whose taken counter is <paramref name="taken"/> and whose sold tickets are <paramref name="sold"/>.</summary>
    public static int Held(int taken, int sold) => Math.Max(0, taken - sold);

    /// <summary>Two grouped reads over the (event, status) index of tickets.</summary>
    public static async Task<SoldTickets> ForEventAsync(IAppDbContext db, Guid eventId, CancellationToken ct)
    {
        var valid = db.Tickets.AsNoTracking().Where(t => t.EventId == eventId && t.Status == TicketStatus.Valid);
        var byType = await valid.GroupBy(t => t.TicketTypeId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var bySession = await valid.Join(db.TicketTypeSessions, t => t.TicketTypeId, l => l.TicketTypeId, (t, l) => l.SessionId)
            .GroupBy(id => id).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return new SoldTickets(byType, bySession);
    }
}
