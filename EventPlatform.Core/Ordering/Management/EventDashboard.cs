using EventPlatform.Core.Catalog;
using EventPlatform.Core.Catalog.Management;
using EventPlatform.Core.Common;
using EventPlatform.Core.Ordering.Holds;
using EventPlatform.Core.Ordering.Tickets;
using EventPlatform.Core.Organizations;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Ordering.Management;

public sealed record DashboardSession(Guid Id, string Code, string Name, DateTimeOffset StartsAt, int Capacity, int Sold, int Held, int CheckedIn)
{
    public int Free => Math.Max(0, Capacity - Sold - Held);
}

public sealed record DashboardTicketType(Guid Id, string Name, int Sold, int Held, int? Remaining, Money Revenue);

/// <summary>The organizer's live view of one event: capacity per session, sales per ticket type, revenue.</summary>
/// <param name="Revenue">Paid minus refunded, per currency (an event normally has one).</param>
public sealed record DashboardView(
    IReadOnlyList<DashboardSession> Sessions,
    IReadOnlyList<DashboardTicketType> TicketTypes,
    int TicketsSold,
    int PaidOrders,
    IReadOnlyList<Money> Revenue,
    DateTimeOffset ReadAt);

/// <summary>Reads the event dashboard (Analyst and up; Analysts are read-only everywhere).</summary>
public sealed class EventDashboard(IAppDbContextFactory dbFactory, CatalogAccess catalogAccess, TimeProvider clock)
{
    public async Task<DashboardView> GetAsync(Guid eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        await catalogAccess.RequireEventAsync(db, eventId, OrgRole.Analyst, ct);
        var now = clock.GetUtcNow();
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.EventId == eventId).OrderBy(s => s.StartsAt).ToListAsync(ct);
        var types = await db.TicketTypes.AsNoTracking().Include(t => t.Sessions).Where(t => t.EventId == eventId).OrderBy(t => t.SortOrder)
            .ThenBy(t => t.Name).ToListAsync(ct);
        await ExpiredHolds.DiscountAsync(db, eventId, sessions, types, now, ct);
        var sold = await SoldTickets.ForEventAsync(db, eventId, ct);
        var revenueByType = await db.Tickets.AsNoTracking()
            .Where(t => t.EventId == eventId && t.Status == TicketStatus.Valid)
            .GroupBy(t => t.TicketTypeId)
            .Select(g => new { TypeId = g.Key, Amount = g.Sum(t => t.UnitPriceMinor - t.DiscountMinor) })
            .ToListAsync(ct);
        var revenue = await db.Orders.AsNoTracking()
            .Where(o => o.EventId == eventId && (o.Status == OrderStatus.Paid || o.Status == OrderStatus.Cancelled))
            .GroupBy(o => o.Currency)
            .Select(g =>
                new { Currency = g.Key, Amount = g.Sum(o => o.PaidMinor - o.RefundedMinor), Orders = g.Count(o => o.Status == OrderStatus.Paid) })
            .ToListAsync(ct);
        var checkedIn = await db.CheckIns.AsNoTracking().Where(c => c.EventId == eventId && c.UndoneAt == null)
            .GroupBy(c => c.SessionId).Select(g => new { SessionId = g.Key, Count = g.Count() })
                .ToDictionaryAsync(x => x.SessionId, x => x.Count, ct);
        var byId = sessions.ToDictionary(s => s.Id);
        return new DashboardView(
            sessions.Select(s =>
                new DashboardSession(s.Id, s.Code, s.Name, s.StartsAt, s.Capacity, sold.InSession(s.Id),
                    SoldTickets.Held(s.Taken, sold.InSession(s.Id)), checkedIn.GetValueOrDefault(s.Id))).ToList(),
            types.Select(t =>
            {
                var counters = CatalogCounters.For(t, byId);
                var remaining = Math.Min(t.QuantityCap is { } cap ? cap - t.Taken : int.MaxValue,
                    counters.Sessions.Count == 0 ? 0 : counters.Sessions.Min(s => s.Remaining));
                var soldOfType = sold.OfType(t.Id);
                return new DashboardTicketType(t.Id, t.Name, soldOfType, SoldTickets.Held(t.Taken, soldOfType), Math.Max(0, remaining),
                    new Money(revenueByType.FirstOrDefault(r => r.TypeId == t.Id)?.Amount ?? 0, t.Currency));
            }).ToList(),
            sold.ByType.Values.Sum(),
            revenue.Sum(r => r.Orders),
            revenue.Select(r => new Money(r.Amount, r.Currency)).ToList(),
            now);
    }
}
