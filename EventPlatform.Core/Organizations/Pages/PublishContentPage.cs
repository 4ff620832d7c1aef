using EventPlatform.Core.Auditing;
using EventPlatform.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Organizations.Pages;

/// <summary>Publishes a content page or takes it back to draft from the list, without opening the editor (Manager and up).</summary>
public sealed class PublishContentPage(IAppDbContextFactory dbFactory, OrganizationAccess access, AuditTrail audit, TimeProvider clock)
{
    /// <exception cref="NotFoundException">The page is not one of this organization's.</exception>
    public async Task ExecuteAsync(Guid organizationId, Guid pageId, bool published, CancellationToken ct = default)
    {
        var grant = await access.RequireAsync(organizationId, OrgRole.Manager, ct);
        await using var db = await dbFactory.CreateAsync(ct);
        var page = await db.ContentPages.SingleOrDefaultAsync(p => p.Id == pageId && p.OrganizationId == organizationId, ct)
            ?? throw new NotFoundException();
        if (page.IsPublished == published)
        {
            return;
        }

        page.IsPublished = published;
        page.UpdatedAt = clock.GetUtcNow();
        // An update like any other: the details say which way it went.
        audit.Add(db, grant.UserId, organizationId, AuditActions.OrganizationPageUpdated, nameof(ContentPage), page.Id.ToString(),
            SaveContentPage.AuditDetails(page));
        await db.SaveChangesAsync(ct);
    }
}
