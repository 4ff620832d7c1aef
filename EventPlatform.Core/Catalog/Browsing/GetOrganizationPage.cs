using EventPlatform.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Catalog.Browsing;

/// <summary>An organization's public page: its branding, about text and upcoming listed events.</summary>
public sealed record OrganizationPageView(string Name, string Slug, string BrandColour, string? About, string? ContactEmail, string? LogoPath,
    CatalogResults Events);

public sealed class GetOrganizationPage(IAppDbContextFactory dbFactory, BrowseCatalog catalog)
{
    public async Task<OrganizationPageView> ExecuteAsync(string slug, int page = 1, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var organization = await db.Organizations.AsNoTracking().Where(o => o.Slug == slug)
            .Select(o => new { o.Name, o.Slug, o.BrandColour, o.About, o.ContactEmail, o.LogoPath })
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException();
        var events = await catalog.SearchAsync(new CatalogQuery(OrganizationSlug: organization.Slug, Page: page), ct);
        return new OrganizationPageView(organization.Name, organization.Slug, organization.BrandColour, organization.About, organization.ContactEmail,
            organization.LogoPath, events);
    }
}
