using EventPlatform.Core.Common;
using EventPlatform.Core.Organizations.Pages;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Catalog.Browsing;

/// <summary>
/// An organization's public page: its branding, about text, upcoming listed events, and its published content pages
/// (<see cref="Pages"/>, in navigation order).
/// </summary>
public sealed record OrganizationPageView(string Name, string Slug, string BrandColour, string? About, string? ContactEmail, string? LogoPath,
    CatalogResults Events, IReadOnlyList<ContentPageLink> Pages);

public sealed class GetOrganizationPage(IAppDbContextFactory dbFactory, BrowseCatalog catalog)
{
    public async Task<OrganizationPageView> ExecuteAsync(string slug, int page = 1, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var organization = await db.Organizations.AsNoTracking().Where(o => o.Slug == slug)
            .Select(o => new { o.Id, o.Name, o.Slug, o.BrandColour, o.About, o.ContactEmail, o.LogoPath })
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException();
        var pages = await PublicContentPages.NavigationAsync(db, organization.Id, ct);
        var events = await catalog.SearchAsync(new CatalogQuery(OrganizationSlug: organization.Slug, Page: page), ct);
        return new OrganizationPageView(organization.Name, organization.Slug, organization.BrandColour, organization.About, organization.ContactEmail,
            organization.LogoPath, events, pages);
    }
}
