using EventPlatform.Core.Common;
using EventPlatform.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Catalog.Browsing;

/// <summary>The public catalog: searches, then builds cards with prices and scarcity badges from counters.</summary>
public sealed class BrowseCatalog(IAppDbContextFactory dbFactory, ICatalogSearch search, CatalogCache cache, ISettingsService settings,
    ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<CatalogResults> SearchAsync(CatalogQuery query, CancellationToken ct = default)
    {
        var pageSize = (await settings.GetAsync(ct)).SearchResultsPerPage;
        var memberOf = await MemberOfAsync(ct);
        var asked = query with { Page = Math.Max(1, query.Page), MemberOf = memberOf };
        var page = await cache.GetOrReadAsync(CacheKey(asked, pageSize), () => search.SearchAsync(asked, clock.GetUtcNow(), pageSize, ct));
        var cards = await CardsAsync(page.EventIds, memberOf, ct);
        return new CatalogResults(cards, page.Total, Math.Max(1, query.Page), pageSize);
    }

    private static string CacheKey(CatalogQuery q, int pageSize) => string.Join('|',
        "search", q.Text?.Trim(), q.Category, q.From?.UtcTicks, q.To?.UtcTicks, q.OrganizationSlug, q.Price, q.OnlyAvailable, q.Sort, q.Page,
            pageSize, string.Join(',', q.MemberOf.Order()));

    /// <summary>The organizations whose customer member list has the visitor's confirmed email.</summary>
    public async Task<IReadOnlyList<Guid>> MemberOfAsync(CancellationToken ct = default)
    {
        if (await currentUser.GetUserIdAsync(ct) is not { } userId)
        {
            return [];
        }

        await using var db = await dbFactory.CreateAsync(ct);
        var email = await db.Users.Where(u => u.Id == userId && u.EmailConfirmed).Select(u => u.NormalizedEmail).SingleOrDefaultAsync(ct);
        return email is null ? [] : await db.CustomerMembers.Where(m => m.NormalizedEmail == email).Select(m => m.OrganizationId).ToListAsync(ct);
    }

    /// <summary>Organizations with at least one listed upcoming event, for the catalog's organization filter.</summary>
    public Task<IReadOnlyList<(string Slug, string Name)>> OrganizationsWithEventsAsync(CancellationToken ct = default) =>
        cache.GetOrReadAsync<IReadOnlyList<(string Slug, string Name)>>("organizations-with-events", () => ReadOrganizationsWithEventsAsync(ct));

    private async Task<IReadOnlyList<(string Slug, string Name)>> ReadOrganizationsWithEventsAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateAsync(ct);
        var rows = await db.Organizations.AsNoTracking()
            .Where(o =>
                db.Events.Any(e => e.OrganizationId == o.Id && e.Status == EventStatus.Published && e.Visibility == EventVisibility.Public
                    && e.Sessions.Any(s => s.EndsAt > now)))
            .OrderBy(o => o.Name)
            .Select(o => new { o.Slug, o.Name })
            .ToListAsync(ct);
        return rows.Select(r => (r.Slug, r.Name)).ToList();
    }

    /// <summary>Slugs and last changes of every listed (published, public) event, for the sitemap.</summary>
    public async Task<IReadOnlyList<(string Slug, DateTimeOffset UpdatedAt)>> ListedEventsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var rows = await db.Events.AsNoTracking()
            .Where(e => e.Status == EventStatus.Published && e.Visibility == EventVisibility.Public)
            .OrderBy(e => e.Slug)
            .Select(e => new { e.Slug, e.UpdatedAt })
            .Take(50_000) // the sitemap protocol's limit per file
            .ToListAsync(ct);
        return rows.Select(r => (r.Slug, r.UpdatedAt)).ToList();
    }

    /// <summary>Cards for the given events, in the given order, priced for a visitor who is a member of <paramref name="memberOf"/>.</summary>
    public async Task<IReadOnlyList<EventCard>> CardsAsync(IReadOnlyList<Guid> eventIds, IReadOnlyList<Guid> memberOf, CancellationToken ct = default)
    {
        if (eventIds.Count == 0)
        {
            return [];
        }

        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateAsync(ct);
        var events = await db.Events.AsNoTracking().Where(e => eventIds.Contains(e.Id))
            .Join(db.Organizations, e => e.OrganizationId, o => o.Id, (e, o) =>
                new { Event = e, OrganizationName = o.Name, OrganizationSlug = o.Slug })
            .ToListAsync(ct);
        var sessions = await db.Sessions.AsNoTracking().Where(s => eventIds.Contains(s.EventId)).ToListAsync(ct);
        var types = await db.TicketTypes.AsNoTracking().Include(t => t.Sessions)
            .Where(t => eventIds.Contains(t.EventId) && t.IsActive && t.Visibility != TicketVisibility.Hidden)
            .ToListAsync(ct);

        var cards = new Dictionary<Guid, EventCard>();
        foreach (var row in events)
        {
            var e = row.Event;
            var buyer = new BuyerContext(memberOf.Contains(e.OrganizationId));
            var own = sessions.Where(s => s.EventId == e.Id).ToDictionary(s => s.Id);
            var listed = types.Where(t => t.EventId == e.Id && (t.Visibility == TicketVisibility.Public || buyer.IsMember)).ToList();
            var prices = listed.Select(t => TicketPricing.UnitPrice(t, buyer, now)).ToList();
            var availability = listed.Select(t =>
            {
                var counters = CatalogCounters.For(t, own);
                return (AvailabilityRule.Evaluate(e.Status, e.Visibility, counters, buyer, now), CatalogCounters.Capacity(counters));
            }).ToList();
            cards[e.Id] = new EventCard(
                e.Id, e.Slug, e.Title, e.ShortDescription, e.Category, row.OrganizationName, row.OrganizationSlug,
                own.Values.Where(s => s.EndsAt > now).Select(s => (DateTimeOffset?)s.StartsAt).Min()
                    ?? own.Values.Select(s => (DateTimeOffset?)s.StartsAt).Min(),
                own.Count, e.TimeZone, e.VenueName, e.IsOnline, e.CoverImagePath,
                prices.Count == 0 ? null : prices.MinBy(p => p.AmountMinor),
                prices.Count == 0 ? null : prices.MaxBy(p => p.AmountMinor),
                Scarcity.ForEvent(availability));
        }

        return eventIds.Where(cards.ContainsKey).Select(id => cards[id]).ToList();
    }
}
