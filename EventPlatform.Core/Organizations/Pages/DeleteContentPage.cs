using EventPlatform.Core.Auditing;
using EventPlatform.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Organizations.Pages;

/// <summary>Deletes a content page of an organization (Manager and up); its address answers 404 from then on.</summary>
public sealed class DeleteContentPage(IAppDbContextFactory dbFactory, OrganizationAccess access, AuditTrail audit)
{
    /// <exception cref="NotFoundException">The page is not one of this organization's, or is already gone.</exception>
    public async Task ExecuteAsync(Guid organizationId, Guid pageId, CancellationToken ct = default)
    {
        var grant = await access.RequireAsync(organizationId, OrgRole.Manager, ct);
        await using var db = await dbFactory.CreateAsync(ct);
        var page = await db.ContentPages.SingleOrDefaultAsync(p => p.Id == pageId && p.OrganizationId == organizationId, ct)
            ?? throw new NotFoundException();
        db.ContentPages.Remove(page);
        // With its title and address: once the row is gone, the log is the only place that says which page it was.
        audit.Add(db, grant.UserId, organizationId, AuditActions.OrganizationPageDeleted, nameof(ContentPage), page.Id.ToString(),
            SaveContentPage.AuditDetails(page));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another manager deleted it between the read and the delete.
            throw new NotFoundException();
        }
    }
}
