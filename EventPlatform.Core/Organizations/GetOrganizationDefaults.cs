using EventPlatform.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Organizations;

/// <summary>What a new event's or coupon's form starts with: the organization's time zone and currency.</summary>
public sealed record OrganizationDefaults(string TimeZone, string Currency);

/// <summary>The organization's defaults for new items. Managers and above (they are the ones creating).</summary>
public sealed class GetOrganizationDefaults(IAppDbContextFactory dbFactory, OrganizationAccess access)
{
    public async Task<OrganizationDefaults> ExecuteAsync(Guid organizationId, CancellationToken ct = default)
    {
        await access.RequireAsync(organizationId, OrgRole.Manager, ct);
        await using var db = await dbFactory.CreateAsync(ct);
        return await db.Organizations.Where(o => o.Id == organizationId)
            .Select(o => new OrganizationDefaults(o.DefaultTimeZone, o.DefaultCurrency)).SingleAsync(ct);
    }
}
