using EventPlatform.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Organizations.Pages;

/// <summary>Moves a content page up or down the organization's navigation (Manager and up).</summary>
public sealed class MoveContentPage(IAppDbContextFactory dbFactory, OrganizationAccess access)
{
    /// <summary>
    /// Moves the page by <paramref name="offset"/> places (-1 up, +1 down; past either end it stays there) and
    /// renumbers every page of the organization 1…n, so orders left equal by two managers moving at once are
    /// straightened by the next move. Not audited: the order of the navigation changes no page's content.
    /// </summary>
    /// <exception cref="NotFoundException">The page is not one of this organization's.</exception>
    public async Task ExecuteAsync(Guid organizationId, Guid pageId, int offset, CancellationToken ct = default)
    {
        await access.RequireAsync(organizationId, OrgRole.Manager, ct);
        await using var db = await dbFactory.CreateAsync(ct);
        var pages = await db.ContentPages.Where(p => p.OrganizationId == organizationId)
            .OrderBy(p => p.SortOrder).ThenBy(p => p.Title).ToListAsync(ct);
        var from = pages.FindIndex(p => p.Id == pageId);
        if (from < 0)
        {
            throw new NotFoundException();
        }

        var moved = pages[from];
        pages.RemoveAt(from);
        pages.Insert(Math.Clamp(from + offset, 0, pages.Count), moved);
        for (var i = 0; i < pages.Count; i++)
        {
            pages[i].SortOrder = i + 1;
        }

        await db.SaveChangesAsync(ct);
    }
}
