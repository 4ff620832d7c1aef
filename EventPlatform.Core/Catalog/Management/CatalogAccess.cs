using EventPlatform.Core.Common;
using EventPlatform.Core.Organizations;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Catalog.Management;

/// <summary>
/// The access check for an event: find its organization, then require the role there. An event
/// of an organization the caller does not belong to is "not found", exactly like a missing one.
/// </summary>
public sealed class CatalogAccess(OrganizationAccess access)
{
    public async Task<OrganizationGrant> RequireEventAsync(IAppDbContext db, Guid eventId, OrgRole required, CancellationToken ct)
    {
        var organizationId = await db.Events.Where(e => e.Id == eventId).Select(e => (Guid?)e.OrganizationId).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException();
        var grant = await access.FindGrantAsync(organizationId, ct) ?? throw new NotFoundException();
        return grant.Allows(required) ? grant : throw new AccessDeniedException(UserMessages.RoleTooLow);
    }

    /// <summary>The caller's grant on the organization selling the order, under the same rules as an event's.</summary>
    public async Task<OrganizationGrant> RequireOrderAsync(IAppDbContext db, Guid orderId, OrgRole required, CancellationToken ct)
    {
        var organizationId = await db.Orders.Where(o => o.Id == orderId).Select(o => (Guid?)o.OrganizationId).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException();
        var grant = await access.FindGrantAsync(organizationId, ct) ?? throw new NotFoundException();
        return grant.Allows(required) ? grant : throw new AccessDeniedException(UserMessages.RoleTooLow);
    }
}
