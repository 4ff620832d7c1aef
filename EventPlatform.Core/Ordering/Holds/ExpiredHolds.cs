using EventPlatform.Core.Catalog;
using EventPlatform.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Ordering.Holds;

/// <summary>
/// Holds whose time ran out stop counting at once, before the worker releases their counters:
/// availability subtracts them from the taken counters it reads.
/// </summary>
public static class ExpiredHolds
{
    /// <summary>Lowers the <c>Taken</c> counters of untracked sessions and types by the places in expired, unreleased holds.</summary>
    public static async Task DiscountAsync(IAppDbContext db, Guid eventId, IReadOnlyCollection<Session> sessions,
        IReadOnlyCollection<TicketType> types, DateTimeOffset now, CancellationToken ct)
    {
        var expired = await db.Tickets.AsNoTracking()
            .Where(t => t.EventId == eventId && t.Status == TicketStatus.Reserved)
            .Join(db.Orders.Where(o => o.Status == OrderStatus.Pending && o.HoldExpiresAt <= now), t => t.OrderId, o => o.Id,
                (t, o) => t.TicketTypeId)
            .GroupBy(id => id).Select(g => new { TypeId = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        if (expired.Count == 0)
        {
            return;
        }

        var byType = expired.ToDictionary(e => e.TypeId, e => e.Count);
        foreach (var type in types)
        {
            var count = byType.GetValueOrDefault(type.Id);
            type.Taken = Math.Max(0, type.Taken - count);
        }

        var sessionsByType = await db.TicketTypeSessions.AsNoTracking().Where(l => byType.Keys.Contains(l.TicketTypeId))
            .Select(l => new { l.TicketTypeId, l.SessionId }).ToListAsync(ct);
        var bySession = sessionsByType.GroupBy(l => l.SessionId).ToDictionary(g => g.Key, g => g.Sum(l => byType[l.TicketTypeId]));
        foreach (var session in sessions)
        {
            session.Taken = Math.Max(0, session.Taken - bySession.GetValueOrDefault(session.Id));
        }
    }
}
