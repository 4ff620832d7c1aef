using EventPlatform.Core.Catalog;
using EventPlatform.Core.Catalog.Management;
using EventPlatform.Core.Common;
using EventPlatform.Core.Ordering;
using EventPlatform.Core.Ordering.Holds;
using EventPlatform.Core.Ordering.Tickets;
using EventPlatform.Core.Organizations;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Reporting;

/// <summary>Reads the event dashboard (Analyst and up; Analysts are read-only everywhere), whole or for one session.</summary>
public sealed class EventDashboard(IAppDbContextFactory dbFactory, CatalogAccess catalogAccess, TimeProvider clock)
{
    /// <summary>The dashboard, after checking the caller may see it; an unknown session of the event is not found.</summary>
    public async Task<DashboardView> GetAsync(Guid eventId, Guid? sessionId = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        await catalogAccess.RequireEventAsync(db, eventId, OrgRole.Analyst, ct);
        return await ReadAsync(db, eventId, sessionId, ct);
    }

    /// <summary>
    /// The same read without the access check, for the live feed that refreshes dashboards whose
    /// callers were checked by <see cref="GetAsync"/> when they opened (one read serves them all).
    /// </summary>
    public async Task<DashboardView> ReadForOpenDashboardsAsync(Guid eventId, Guid? sessionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await ReadAsync(db, eventId, sessionId, ct);
    }

    private async Task<DashboardView> ReadAsync(IAppDbContext db, Guid eventId, Guid? sessionId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var evt = await db.Events.AsNoTracking().Where(e => e.Id == eventId).Select(e => new { e.OrganizationId, e.TimeZone })
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException();
        var allSessions = await db.Sessions.AsNoTracking().Where(s => s.EventId == eventId).OrderBy(s => s.StartsAt).ToListAsync(ct);
        if (sessionId is { } only && allSessions.All(s => s.Id != only))
        {
            throw new NotFoundException();
        }

        var allTypes = await db.TicketTypes.AsNoTracking().Include(t => t.Sessions).Where(t => t.EventId == eventId)
            .OrderBy(t => t.SortOrder).ThenBy(t => t.Name).ToListAsync(ct);
        await ExpiredHolds.DiscountAsync(db, eventId, allSessions, allTypes, now, ct);
        var sessions = allSessions.Where(s => sessionId is null || s.Id == sessionId).ToList();
        var types = allTypes.Where(t => sessionId is null || t.Sessions.Any(l => l.SessionId == sessionId)).ToList();
        var typeIds = types.Select(t => t.Id).ToList();

        var sold = await SoldTickets.ForEventAsync(db, eventId, ct);
        var checkedIn = await CheckedInAsync(db, eventId, ct);
        var sales = await SalesAsync(db, new SalesScope(evt.OrganizationId, eventId, sessionId), evt.TimeZone, allSessions, now, ct);
        return new DashboardView(
            eventId,
            evt.TimeZone,
            sessionId,
            sessions.Select(s => new DashboardSession(s.Id, s.Code, s.Name, s.StartsAt, s.Capacity, sold.InSession(s.Id),
                SoldTickets.Held(s.Taken, sold.InSession(s.Id)), checkedIn.GetValueOrDefault(s.Id))).ToList(),
            await TicketTypesAsync(db, eventId, types, allSessions, sold, ct),
            sessionId is { } session ? sold.InSession(session) : sold.ByType.Values.Sum(),
            await db.Orders.AsNoTracking().Where(o => o.EventId == eventId && o.Status == OrderStatus.Pending && o.HoldExpiresAt > now)
                .SelectMany(o => o.Tickets).CountAsync(t => t.Status == TicketStatus.Reserved && typeIds.Contains(t.TicketTypeId), ct),
            await db.Orders.AsNoTracking().CountAsync(o => o.EventId == eventId && o.Status == OrderStatus.Paid
                && o.Tickets.Any(t => t.Status == TicketStatus.Valid && typeIds.Contains(t.TicketTypeId)), ct),
            sales,
            await CouponsAsync(db, evt.OrganizationId, eventId, typeIds, sessionId is not null, ct),
            now);
    }

    private static async Task<Dictionary<Guid, int>> CheckedInAsync(IAppDbContext db, Guid eventId, CancellationToken ct) =>
        await db.CheckIns.AsNoTracking().Where(c => c.EventId == eventId && c.UndoneAt == null)
            .GroupBy(c => c.SessionId).Select(g => new { SessionId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.SessionId, x => x.Count, ct);

    /// <summary>Sales by day from the first sale to today, or to the event's last day when it is over.</summary>
    private static async Task<SalesSummary> SalesAsync(IAppDbContext db, SalesScope scope, string timeZone, List<Session> sessions,
        DateTimeOffset now, CancellationToken ct)
    {
        var sold = await db.SalesByDay.SoldAsync(scope, timeZone, ct);
        var refunded = await db.SalesByDay.RefundedAsync(scope, timeZone, ct);
        var today = DateOnly.FromDateTime(EventTime.ToZone(now, timeZone));
        var lastDay = sessions.Count == 0 ? today : DateOnly.FromDateTime(EventTime.ToZone(sessions.Max(s => s.EndsAt), timeZone));
        return SalesSummary.From(sold, refunded, null, lastDay < today ? lastDay : today);
    }

    private static async Task<IReadOnlyList<DashboardTicketType>> TicketTypesAsync(IAppDbContext db, Guid eventId, IReadOnlyList<TicketType> types,
        IReadOnlyList<Session> allSessions, SoldTickets sold, CancellationToken ct)
    {
        var revenueByType = await db.Tickets.AsNoTracking()
            .Where(t => t.EventId == eventId && t.Status == TicketStatus.Valid)
            .GroupBy(t => t.TicketTypeId)
            .Select(g => new { TypeId = g.Key, Amount = g.Sum(t => t.UnitPriceMinor - t.DiscountMinor) })
            .ToDictionaryAsync(r => r.TypeId, r => r.Amount, ct);
        var byId = allSessions.ToDictionary(s => s.Id);
        return types.Select(t =>
        {
            var counters = CatalogCounters.For(t, byId);
            var remaining = Math.Min(t.QuantityCap is { } cap ? cap - t.Taken : int.MaxValue,
                counters.Sessions.Count == 0 ? 0 : counters.Sessions.Min(s => s.Remaining));
            var soldOfType = sold.OfType(t.Id);
            return new DashboardTicketType(t.Id, t.Name, soldOfType, SoldTickets.Held(t.Taken, soldOfType), Math.Max(0, remaining),
                new Money(revenueByType.GetValueOrDefault(t.Id), t.Currency));
        }).ToList();
    }

    /// <summary>Coupons meant for this event, and any other of the organization's that paid orders here used.</summary>
    private static async Task<IReadOnlyList<CouponUsage>> CouponsAsync(IAppDbContext db, Guid organizationId, Guid eventId,
        IReadOnlyList<Guid> typeIds, bool sessionFiltered, CancellationToken ct)
    {
        var used = await db.Orders.AsNoTracking()
            .Where(o => o.EventId == eventId && o.CouponId != null && (o.Status == OrderStatus.Paid || o.Status == OrderStatus.Cancelled)
                && (!sessionFiltered || o.Tickets.Any(t => typeIds.Contains(t.TicketTypeId))))
            .GroupBy(o => new { o.CouponId, o.Currency })
            .Select(g => new { CouponId = g.Key.CouponId!.Value, g.Key.Currency, Orders = g.Count(), Discount = g.Sum(o => o.DiscountMinor) })
            .ToListAsync(ct);
        var usedIds = used.Select(u => u.CouponId).Distinct().ToList();
        var coupons = await db.Coupons.AsNoTracking()
            .Where(c => c.OrganizationId == organizationId && (usedIds.Contains(c.Id) || (!sessionFiltered && c.EventIds.Contains(eventId))))
            .OrderBy(c => c.Code).Select(c => new { c.Id, c.Code, c.Redeemed, c.RedemptionLimit }).ToListAsync(ct);
        return coupons.Select(c =>
        {
            var rows = used.Where(u => u.CouponId == c.Id).OrderBy(u => u.Currency, StringComparer.Ordinal).ToList();
            return new CouponUsage(c.Code, rows.Sum(r => r.Orders), rows.Select(r => new Money(r.Discount, r.Currency)).ToList(), c.Redeemed,
                c.RedemptionLimit);
        }).ToList();
    }
}
