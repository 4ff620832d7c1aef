using EventPlatform.Core.Catalog;
using EventPlatform.Core.Catalog.Management;
using EventPlatform.Core.Common;
using EventPlatform.Core.Ordering;
using EventPlatform.Core.Organizations;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Reporting;

/// <summary>
/// An upcoming event on the organization overview: tickets sold and its fullest session (places of
/// different sessions are not added).
/// </summary>
public sealed record UpcomingEvent(Guid Id, string Title, EventStatus Status, DateTimeOffset FirstStart, string TimeZone, int TicketsSold,
    SessionFill? Fullest);

/// <summary>A session starting today (in its event's zone) and its door: checked in of sold.</summary>
public sealed record TodaysSession(Guid EventId, string EventTitle, string Code, string Name, DateTimeOffset StartsAt, string TimeZone, int Sold,
    int CheckedIn);

/// <summary>
/// Money of the last days (today included, days in the organization's zone), per currency;
/// <see cref="SalesMoney"/> defines the figures.
/// </summary>
public sealed record RevenueWindow(string Label, int Days, IReadOnlyList<SalesMoney> Money);

/// <summary>The organization's overview: what is coming, what it earned lately, and today's doors.</summary>
public sealed record OrganizationDashboardView(string TimeZone, IReadOnlyList<UpcomingEvent> Upcoming, IReadOnlyList<RevenueWindow> Revenue,
    IReadOnlyList<TodaysSession> Today, DateTimeOffset ReadAt)
{
    /// <summary>The events whose changes (sales, refunds, check-ins) move this overview: its live feed subscribes to these.</summary>
    public IReadOnlyList<Guid> WatchedEventIds => [.. Upcoming.Select(e => e.Id).Concat(Today.Select(s => s.EventId)).Distinct()];
}

/// <summary>Reads the organization overview (Analyst and up).</summary>
public sealed class OrganizationDashboard(IAppDbContextFactory dbFactory, OrganizationAccess access, TimeProvider clock)
{
    /// <summary>How many upcoming events the overview lists (the events page lists them all).</summary>
    public const int UpcomingShown = 8;

    public async Task<OrganizationDashboardView> GetAsync(Guid organizationId, CancellationToken ct = default)
    {
        await access.RequireAsync(organizationId, OrgRole.Analyst, ct);
        return await ReadForOpenDashboardsAsync(organizationId, ct);
    }

    /// <summary>The same read without the access check, for the live refresh of an overview whose caller <see cref="GetAsync"/> checked.</summary>
    public async Task<OrganizationDashboardView> ReadForOpenDashboardsAsync(Guid organizationId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var now = clock.GetUtcNow();
        var timeZone = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => o.DefaultTimeZone)
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException();
        return new OrganizationDashboardView(timeZone, await UpcomingAsync(db, organizationId, now, ct),
            await RevenueAsync(db, organizationId, timeZone, now, ct), await TodayAsync(db, organizationId, now, ct), now);
    }

    private static async Task<IReadOnlyList<UpcomingEvent>> UpcomingAsync(IAppDbContext db, Guid organizationId, DateTimeOffset now,
        CancellationToken ct)
    {
        var rows = await db.Events.AsNoTracking()
            .Where(e => e.OrganizationId == organizationId && e.Status != EventStatus.Cancelled && e.Status != EventStatus.Completed
                && e.Sessions.Any(s => s.EndsAt > now))
            .Select(e => new
            {
                e.Id, e.Title, e.Status, e.TimeZone,
                FirstStart = e.Sessions.Where(s => s.EndsAt > now).Min(s => s.StartsAt),
                Sold = db.Tickets.Count(t => t.EventId == e.Id && t.Status == TicketStatus.Valid),
                Fullest = e.Sessions.Where(s => s.EndsAt > now).OrderBy(s => s.Capacity - s.Taken).ThenByDescending(s => s.Taken)
                    .ThenBy(s => s.StartsAt)
                    .Select(s => new SessionFill(s.Code, s.Name,
                        db.Tickets.Count(t => t.EventId == e.Id && t.Status == TicketStatus.Valid
                            && db.TicketTypeSessions.Any(l => l.SessionId == s.Id && l.TicketTypeId == t.TicketTypeId)),
                        s.Taken, s.Capacity))
                    .FirstOrDefault(),
            })
            .OrderBy(e => e.FirstStart).ThenBy(e => e.Title).Take(UpcomingShown).ToListAsync(ct);
        return rows.Select(r => new UpcomingEvent(r.Id, r.Title, r.Status, r.FirstStart, r.TimeZone, r.Sold, r.Fullest)).ToList();
    }

    /// <summary>Today, the last 7 and the last 30 days, each ending today, from one read of the last 30 days by day.</summary>
    private static async Task<IReadOnlyList<RevenueWindow>> RevenueAsync(IAppDbContext db, Guid organizationId, string timeZone,
        DateTimeOffset now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(EventTime.ToZone(now, timeZone));
        var since = StartOfDay(today.AddDays(-29), timeZone);
        var scope = new SalesScope(organizationId, PaidSince: since);
        var summary = SalesSummary.From(await db.SalesByDay.SoldAsync(scope, timeZone, ct), await db.SalesByDay.RefundedAsync(scope, timeZone, ct),
            today.AddDays(-29), today);
        return new (string Label, int Days)[] { ("Today", 1), ("Last 7 days", 7), ("Last 30 days", 30) }
            .Select(w => new RevenueWindow(w.Label, w.Days, summary.Currencies.Select(currency => summary.Days
                    .Where(d => d.Day > today.AddDays(-w.Days) && d.Day <= today)
                    .Aggregate(SalesMoney.Zero(currency), (sum, d) => sum.Add(d.In(currency))))
                .ToList()))
            .ToList();
    }

    /// <summary>Sessions of the organization's live events that start today in their event's zone (each event has its own).</summary>
    private static async Task<IReadOnlyList<TodaysSession>> TodayAsync(IAppDbContext db, Guid organizationId, DateTimeOffset now,
        CancellationToken ct)
    {
        // A day is at most 26 hours from UTC either way: read a wide window, then keep each session whose local day is today.
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.StartsAt > now.AddHours(-26) && s.StartsAt < now.AddHours(26))
            .Join(db.Events.Where(e => e.OrganizationId == organizationId && e.Status != EventStatus.Cancelled && e.Status != EventStatus.Draft),
                s => s.EventId, e => e.Id, (s, e) => new
                {
                    s.Id, s.EventId, EventTitle = e.Title, s.Code, s.Name, s.StartsAt, e.TimeZone,
                    Sold = db.Tickets.Count(t => t.EventId == e.Id && t.Status == TicketStatus.Valid
                        && db.TicketTypeSessions.Any(l => l.SessionId == s.Id && l.TicketTypeId == t.TicketTypeId)),
                    CheckedIn = db.CheckIns.Count(c => c.SessionId == s.Id && c.UndoneAt == null),
                })
            .ToListAsync(ct);
        return sessions
            .Where(s => EventTime.ToZone(s.StartsAt, s.TimeZone).Date == EventTime.ToZone(now, s.TimeZone).Date)
            .OrderBy(s => s.StartsAt)
            .Select(s => new TodaysSession(s.EventId, s.EventTitle, s.Code, s.Name, s.StartsAt, s.TimeZone, s.Sold, s.CheckedIn))
            .ToList();
    }

    private static DateTimeOffset StartOfDay(DateOnly day, string timeZone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var found) ? found : TimeZoneInfo.Utc;
        // Midnight may not exist (clocks going forward at 00:00): take the first hour that does.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
