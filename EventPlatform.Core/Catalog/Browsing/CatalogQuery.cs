namespace EventPlatform.Core.Catalog.Browsing;

public enum PriceFilter
{
    Any,
    Free,
    Paid,
}

public enum CatalogSort
{
    /// <summary>The next sessions first.</summary>
    Soonest,
    /// <summary>Recently published first.</summary>
    Newest,
    /// <summary>Best text match first (falls back to Soonest without search text).</summary>
    Relevance,
}

/// <summary>What a visitor asks the public catalog for.</summary>
/// <param name="From">Only events with a session starting at or after this instant.</param>
/// <param name="To">Only events with a session starting before this instant.</param>
public sealed record CatalogQuery(
    string? Text = null,
    EventCategory? Category = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? OrganizationSlug = null,
    PriceFilter Price = PriceFilter.Any,
    bool OnlyAvailable = false,
    CatalogSort Sort = CatalogSort.Soonest,
    int Page = 1)
{
    /// <summary>Organizations the visitor is a customer member of: their members-only events are listed too. Set by
    /// <see cref="BrowseCatalog"/>.</summary>
    public IReadOnlyList<Guid> MemberOf { get; init; } = [];
}

/// <summary>One page of ids, in order, and how many match in all.</summary>
public sealed record CatalogPage(IReadOnlyList<Guid> EventIds, int Total);

/// <summary>
/// Finds listed events (published, public, not over) matching a query: PostgreSQL full-text search
/// over title, descriptions, tags, venue and organization, plus filters, sort and paging.
/// Implemented in Data, where PostgreSQL specifics live.
/// </summary>
public interface ICatalogSearch
{
    Task<CatalogPage> SearchAsync(CatalogQuery query, DateTimeOffset now, int pageSize, CancellationToken cancellationToken);
}
