using EventPlatform.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Organizations;

/// <summary>Makes one of the caller's organizations their current one (remembered on the account).</summary>
public sealed class SwitchOrganization(IAppDbContextFactory dbFactory, OrganizationAccess access)
{
    public async Task ExecuteAsync(Guid organizationId, CancellationToken ct = default)
    {
        var grant = await access.RequireMemberAsync(organizationId, ct);
        await using var db = await dbFactory.CreateAsync(ct);
        await db.Users.Where(u => u.Id == grant.UserId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.CurrentOrganizationId, organizationId), ct);
    }
}
