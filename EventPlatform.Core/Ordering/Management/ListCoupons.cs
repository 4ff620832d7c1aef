using EventPlatform.Core.Common;
using EventPlatform.Core.Organizations;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Ordering.Management;

/// <summary>The coupons of an organization, for its managers.</summary>
public sealed class ListCoupons(IAppDbContextFactory dbFactory, OrganizationAccess access)
{
    public async Task<IReadOnlyList<Coupon>> ExecuteAsync(Guid organizationId, CancellationToken ct = default)
    {
        await access.RequireAsync(organizationId, OrgRole.Manager, ct);
        await using var db = await dbFactory.CreateAsync(ct);
        return await db.Coupons.AsNoTracking().Where(c => c.OrganizationId == organizationId).OrderBy(c => c.Code).ToListAsync(ct);
    }
}
