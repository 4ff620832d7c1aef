using EventPlatform.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Organizations.Pages;

/// <summary>A link in an organization's public navigation.</summary>
public sealed record ContentPageLink(string Title, string Slug);

/// <summary>A published page with what its organization's public layout shows around it.</summary>
public sealed record PublicContentPageView(string OrganizationName, string OrganizationSlug, string BrandColour, string? LogoPath,
    string Title, string Slug, string Body, IReadOnlyList<ContentPageLink> Navigation);

/// <summary>
/// The public side of content pages: published pages only, for anyone (no role is checked, and a draft is as
/// unknown as a page that does not exist). The body is Markdown; the page renders and sanitizes it.
/// </summary>
public sealed class PublicContentPages(IAppDbContextFactory dbFactory)
{
    /// <exception cref="NotFoundException">No such organization, no such page, or a draft.</exception>
    public async Task<PublicContentPageView> GetAsync(string organizationSlug, string pageSlug, CancellationToken ct = default)
    {
        // Addresses that cannot exist are answered without asking the database.
        if (!Slug.IsValid(organizationSlug) || !Slug.IsValid(pageSlug))
        {
            throw new NotFoundException();
        }

        await using var db = await dbFactory.CreateAsync(ct);
        var found = await db.ContentPages.AsNoTracking()
            .Where(p => p.Slug == pageSlug && p.IsPublished)
            .Join(db.Organizations.Where(o => o.Slug == organizationSlug), p => p.OrganizationId, o => o.Id,
                (p, o) => new { Page = p, Organization = o })
            .Select(x => new
            {
                x.Organization.Id, x.Organization.Name, x.Organization.Slug, x.Organization.BrandColour, x.Organization.LogoPath,
                x.Page.Title, PageSlug = x.Page.Slug, x.Page.Body,
            })
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException();
        var navigation = await NavigationAsync(db, found.Id, ct);
        return new PublicContentPageView(found.Name, found.Slug, found.BrandColour, found.LogoPath, found.Title, found.PageSlug, found.Body,
            navigation);
    }

    /// <summary>Every published page with its organization's slug and last change, for the sitemap.</summary>
    public async Task<IReadOnlyList<(string OrganizationSlug, string PageSlug, DateTimeOffset UpdatedAt)>> ListedAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var rows = await db.ContentPages.AsNoTracking().Where(p => p.IsPublished)
            .Join(db.Organizations, p => p.OrganizationId, o => o.Id, (p, o) => new { OrganizationSlug = o.Slug, p.Slug, p.UpdatedAt })
            .OrderBy(r => r.OrganizationSlug).ThenBy(r => r.Slug)
            .Take(10_000) // the sitemap holds 50,000 addresses; events have the rest
            .ToListAsync(ct);
        return rows.Select(r => (r.OrganizationSlug, r.Slug, r.UpdatedAt)).ToList();
    }

    /// <summary>The organization's published pages in navigation order (the organization's public page shows them too).</summary>
    public static async Task<IReadOnlyList<ContentPageLink>> NavigationAsync(IAppDbContext db, Guid organizationId, CancellationToken ct) =>
        await db.ContentPages.AsNoTracking().Where(p => p.OrganizationId == organizationId && p.IsPublished)
            .OrderBy(p => p.SortOrder).ThenBy(p => p.Title)
            .Select(p => new ContentPageLink(p.Title, p.Slug))
            .ToListAsync(ct);
}
