namespace EventPlatform.Core.Catalog.Browsing;

/// <summary>How scarce tickets are, for a badge on a card or a ticket type.</summary>
public enum ScarcityBadge
{
    None,
    FewLeft,
    SoldOut,
}

/// <summary>An event as a card in the catalog.</summary>
public sealed record EventCard(
    Guid Id,
    string Slug,
    string Title,
    string? ShortDescription,
    EventCategory Category,
    string OrganizationName,
    string OrganizationSlug,
    DateTimeOffset? FirstStart,
    int SessionCount,
    string TimeZone,
    string? VenueName,
    bool IsOnline,
    string? CoverImagePath,
    Money? PriceFrom,
    Money? PriceTo,
    ScarcityBadge Badge)
{
    /// <summary>"Free", "€25.00" or "€25.00 – €80.00".</summary>
    public string PriceText => PriceFrom is not { } from
        ? "No tickets yet"
        : PriceTo is { } to && to.AmountMinor != from.AmountMinor
            ? $"{(from.IsZero ? "Free" : from.Format())} – {to.Format()}"
            : from.IsZero ? "Free" : from.Format();
}

/// <summary>A page of cards.</summary>
public sealed record CatalogResults(IReadOnlyList<EventCard> Events, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
