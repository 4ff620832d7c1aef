using EventPlatform.Core.Catalog;
using EventPlatform.Core.Catalog.Browsing;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Data.Catalog;

/// <inheritdoc />
/// <remarks>
/// Full-text search with PostgreSQL's <c>websearch_to_tsquery</c> (quotes, OR, -exclusions work as
/// people expect) over a tsvector of the event's text and its organization's name, computed per
/// query. Listing means: published, public, with a session that has not ended.
/// </remarks>
internal sealed class CatalogSearch(IDbContextFactory<EventPlatformDbContext> dbFactory) : ICatalogSearch
{
    private const string Language = "english";

    public async Task<CatalogPage> SearchAsync(CatalogQuery query, DateTimeOffset now, int pageSize, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var memberOf = query.MemberOf.ToList();
        var listed =
            from e in db.Events
            join o in db.Organizations on e.OrganizationId equals o.Id
            where e.Status == EventStatus.Published && e.Sessions.Any(s => s.EndsAt > now)
                && (e.Visibility == EventVisibility.Public || (e.Visibility == EventVisibility.MembersOnly && memberOf.Contains(e.OrganizationId)))
            select new { Event = e, OrganizationName = o.Name, OrganizationSlug = o.Slug };

        var text = query.Text?.Trim();
        if (!string.IsNullOrEmpty(text))
        {
            listed = listed.Where(x => EF.Functions.ToTsVector(Language,
                    x.Event.Title + " " + (x.Event.ShortDescription ?? "") + " " + (x.Event.Description ?? "") + " " +
                    string.Join(" ", x.Event.Tags) + " " + (x.Event.VenueName ?? "") + " " + (x.Event.VenueAddress ?? "") + " " + x.OrganizationName)
                .Matches(EF.Functions.WebSearchToTsQuery(Language, text)));
        }

        if (query.Category is { } category)
        {
            listed = listed.Where(x => x.Event.Category == category);
        }

        if (query.From is { } from)
        {
            listed = listed.Where(x => x.Event.Sessions.Any(s => s.StartsAt >= from));
        }

        if (query.To is { } to)
        {
            listed = listed.Where(x => x.Event.Sessions.Any(s => s.StartsAt < to && (query.From == null || s.StartsAt >= query.From)));
        }

        if (!string.IsNullOrWhiteSpace(query.OrganizationSlug))
        {
            listed = listed.Where(x => x.OrganizationSlug == query.OrganizationSlug);
        }

        var offered = db.TicketTypes.Where(t => t.IsActive && t.Visibility == TicketVisibility.Public);
        listed = query.Price switch
        {
            PriceFilter.Any => listed,
            PriceFilter.Free => listed.Where(x => offered.Any(t => t.EventId == x.Event.Id && t.PriceMinor == 0)),
            PriceFilter.Paid => listed.Where(x => offered.Any(t => t.EventId == x.Event.Id && t.PriceMinor > 0)),
        };

        if (query.OnlyAvailable)
        {
            // The availability rule's counter part, in SQL: on sale now, room in the cap and in every included session.
            listed = listed.Where(x => offered.Any(t => t.EventId == x.Event.Id
                && (t.SalesStartAt == null || t.SalesStartAt <= now) && t.SalesEndAt > now
                && (t.QuantityCap == null || t.QuantityCap - t.Sold - t.Held >= t.MinPerOrder)
                && t.Sessions.All(ts => ts.Session!.Capacity - ts.Session.Sold - ts.Session.Held >= t.MinPerOrder)));
        }

        var total = await listed.CountAsync(cancellationToken);
        var ordered = query.Sort switch
        {
            CatalogSort.Newest => listed.OrderByDescending(x => x.Event.PublishedAt).ThenBy(x => x.Event.Id),
            CatalogSort.Relevance when !string.IsNullOrEmpty(text) => listed
                .OrderByDescending(x => EF.Functions.ToTsVector(Language, x.Event.Title + " " + (x.Event.ShortDescription ?? "") + " " + string.Join(" ", x.Event.Tags))
                    .Rank(EF.Functions.WebSearchToTsQuery(Language, text)))
                .ThenBy(x => x.Event.Sessions.Where(s => s.EndsAt > now).Min(s => s.StartsAt)),
            _ => listed.OrderBy(x => x.Event.Sessions.Where(s => s.EndsAt > now).Min(s => s.StartsAt)).ThenBy(x => x.Event.Title),
        };

        var ids = await ordered.Skip((query.Page - 1) * pageSize).Take(pageSize).Select(x => x.Event.Id).ToListAsync(cancellationToken);
        return new CatalogPage(ids, total);
    }
}
