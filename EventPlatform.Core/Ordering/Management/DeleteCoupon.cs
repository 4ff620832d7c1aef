using EventPlatform.Core.Auditing;
using EventPlatform.Core.Common;
using EventPlatform.Core.Organizations;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Ordering.Management;

/// <summary>Deletes a coupon never used, or deactivates one that was (its orders keep their discount).</summary>
public sealed class DeleteCoupon(IAppDbContextFactory dbFactory, OrganizationAccess access, AuditTrail audit)
{
    /// <summary>Deletes a coupon never used; one that was used is deactivated instead (orders refer to it).</summary>
    public async Task ExecuteAsync(Guid organizationId, Guid couponId, CancellationToken ct = default)
    {
        var grant = await access.RequireAsync(organizationId, OrgRole.Manager, ct);
        await using var db = await dbFactory.CreateAsync(ct);
        var used = await db.Orders.AnyAsync(o => o.CouponId == couponId, ct);
        var changed = used
            ? await db.Coupons.Where(c => c.Id == couponId && c.OrganizationId == organizationId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.IsActive, false), ct)
            : await db.Coupons.Where(c => c.Id == couponId && c.OrganizationId == organizationId).ExecuteDeleteAsync(ct);
        if (changed == 0)
        {
            throw new NotFoundException();
        }

        audit.Add(db, grant.UserId, organizationId, used ? AuditActions.CouponDeactivated : AuditActions.CouponDeleted, "Coupon",
            couponId.ToString());
        await db.SaveChangesAsync(ct);
    }
}
