using EventPlatform.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Organizations;

/// <summary>One organization as it appears in the switcher.</summary>
public sealed record MyOrganization(Guid Id, string Name, string Slug, OrgRole Role);

/// <summary>The organizations the caller belongs to, and which one is current.</summary>
public sealed record MyOrganizationsView(IReadOnlyList<MyOrganization> Organizations, MyOrganization? Current, bool IsPlatformAdmin);

/// <summary>Lists the caller's organizations for the navigation and switcher.</summary>
public sealed class MyOrganizations(IAppDbContextFactory dbFactory, ICurrentUser currentUser)
{
    public async Task<MyOrganizationsView> GetAsync(CancellationToken ct = default)
    {
        var userId = await currentUser.GetUserIdAsync(ct);
        if (userId is null)
        {
            return new MyOrganizationsView([], null, false);
        }

        await using var db = await dbFactory.CreateAsync(ct);
        var organizations = await db.OrganizationMembers.AsNoTracking()
            .Where(m => m.UserId == userId)
            .OrderBy(m => m.Organization!.Name)
            .Select(m => new MyOrganization(m.OrganizationId, m.Organization!.Name, m.Organization.Slug, m.Role))
            .ToListAsync(ct);
        var currentId = await db.Users.Where(u => u.Id == userId).Select(u => u.CurrentOrganizationId).SingleOrDefaultAsync(ct);
        var current = organizations.FirstOrDefault(o => o.Id == currentId) ?? organizations.FirstOrDefault();
        var isAdmin = await OrganizationAccess.IsPlatformAdminAsync(db, userId.Value, ct);
        return new MyOrganizationsView(organizations, current, isAdmin);
    }
}
