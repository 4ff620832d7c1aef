using EventPlatform.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Organizations.Pages;

/// <summary>One row of the organizer's list of pages.</summary>
public sealed record ContentPageRow(Guid Id, string Title, string Slug, bool IsPublished, int SortOrder, DateTimeOffset UpdatedAt);

/// <summary>The organizer's list: the pages in navigation order, and the organization's slug their addresses start with.</summary>
public sealed record ContentPageList(string OrganizationSlug, IReadOnlyList<ContentPageRow> Pages);

/// <summary>One page for the editor, with the organization's slug its address starts with.</summary>
public sealed record ContentPageForEditing(string OrganizationSlug, ContentPage Page);

/// <summary>
/// An organization's pages, drafts included, for the people who edit them (Manager and up): Analysts and check-in
/// staff have nothing to do with a page before it is public, and see the published ones on the public site.
/// </summary>
public sealed class ListContentPages(IAppDbContextFactory dbFactory, OrganizationAccess access)
{
    public async Task<ContentPageList> ExecuteAsync(Guid organizationId, CancellationToken ct = default)
    {
        await access.RequireAsync(organizationId, OrgRole.Manager, ct);
        await using var db = await dbFactory.CreateAsync(ct);
        var organizationSlug = await OrganizationSlugAsync(db, organizationId, ct);
        var pages = await db.ContentPages.AsNoTracking().Where(p => p.OrganizationId == organizationId)
            .OrderBy(p => p.SortOrder).ThenBy(p => p.Title)
            .Select(p => new ContentPageRow(p.Id, p.Title, p.Slug, p.IsPublished, p.SortOrder, p.UpdatedAt))
            .ToListAsync(ct);
        return new ContentPageList(organizationSlug, pages);
    }

    /// <summary>One page with its body, for the editor.</summary>
    /// <exception cref="NotFoundException">No such page in this organization (another organization's page included).</exception>
    public async Task<ContentPageForEditing> GetAsync(Guid organizationId, Guid pageId, CancellationToken ct = default)
    {
        await access.RequireAsync(organizationId, OrgRole.Manager, ct);
        await using var db = await dbFactory.CreateAsync(ct);
        var page = await db.ContentPages.AsNoTracking().SingleOrDefaultAsync(p => p.Id == pageId && p.OrganizationId == organizationId, ct)
            ?? throw new NotFoundException();
        return new ContentPageForEditing(await OrganizationSlugAsync(db, organizationId, ct), page);
    }

    // A platform admin passes the access check for an organization that does not exist: that is "not found" too.
    private static async Task<string> OrganizationSlugAsync(IAppDbContext db, Guid organizationId, CancellationToken ct) =>
        await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Slug).SingleOrDefaultAsync(ct) ?? throw new NotFoundException();
}
