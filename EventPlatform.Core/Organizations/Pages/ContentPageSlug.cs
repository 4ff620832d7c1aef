using EventPlatform.Core.Common;

namespace EventPlatform.Core.Organizations.Pages;

/// <summary>The address rules of a content page, /o/{organization}/{slug}.</summary>
public static class ContentPageSlug
{
    /// <summary>
    /// Words kept for the organization's own routes under /o/{organization}/…: today only the pages
    /// live there, but an events list, a calendar feed or a members area would be shadowed (or would
    /// shadow an organizer's page) if a page could take their name first.
    /// </summary>
    public static IReadOnlySet<string> Reserved { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "events", "event", "calendar", "feed", "rss", "atom", "sitemap", "members", "membership", "tickets", "orders", "pages", "page",
        "new", "edit", "settings", "manage", "admin", "api", "media", "files", "login", "logout", "account", "search", "checkout", "join",
    };

    /// <summary>What people type, as stored: trimmed and lower-case ("FAQ " is "faq"); anything else is validated, not rewritten.</summary>
    public static string Normalize(string? typed) => (typed ?? "").Trim().ToLowerInvariant();

    /// <summary>The message for a normalized slug that cannot be used, or null when its form is fine.</summary>
    public static string? Problem(string slug) =>
        !Slug.IsValid(slug) ? UserMessages.SlugFormat
        : Reserved.Contains(slug) ? UserMessages.PageSlugReserved
        : null;

    /// <summary>A slug made from the title when none was typed: "Venue &amp; directions" → "venue-directions".</summary>
    public static string FromTitle(string title)
    {
        var slug = Slug.FromName(title);
        if (slug.Length < Slug.MinLength)
        {
            slug = "info";
        }

        return Reserved.Contains(slug) ? slug + "-info" : slug;
    }
}
