using EventPlatform.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Ordering.Holds;

/// <summary>
/// How many places a set of tickets takes from each ticket type and each session: a ticket of a
/// multi-session type takes one place in every session it includes.
/// </summary>
public sealed record CapacityDemand(IReadOnlyDictionary<Guid, int> ByTicketType, IReadOnlyDictionary<Guid, int> BySession)
{
    public bool IsEmpty => ByTicketType.Count == 0;

    public static CapacityDemand From(IEnumerable<Guid> ticketTypeIdPerTicket, IReadOnlyDictionary<Guid, IReadOnlyList<Guid>> sessionsByType)
    {
        var byType = ticketTypeIdPerTicket.GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        var bySession = new Dictionary<Guid, int>();
        foreach (var (typeId, quantity) in byType)
        {
            foreach (var sessionId in sessionsByType.GetValueOrDefault(typeId, []))
            {
                bySession[sessionId] = bySession.GetValueOrDefault(sessionId) + quantity;
            }
        }

        return new CapacityDemand(byType, bySession);
    }

    /// <summary>Reads which sessions each of the tickets' types includes and builds the demand.</summary>
    public static async Task<CapacityDemand> ForTicketsAsync(IAppDbContext db, IReadOnlyCollection<Guid> ticketTypeIdPerTicket, CancellationToken ct)
    {
        var typeIds = ticketTypeIdPerTicket.Distinct().ToList();
        var links = await db.TicketTypeSessions.AsNoTracking().Where(l => typeIds.Contains(l.TicketTypeId))
            .Select(l => new { l.TicketTypeId, l.SessionId }).ToListAsync(ct);
        var map = links.GroupBy(l => l.TicketTypeId).ToDictionary(g => g.Key, g => (IReadOnlyList<Guid>)g.Select(l => l.SessionId).ToList());
        return From(ticketTypeIdPerTicket, map);
    }
}
