using EventPlatform.Core.Accounts;
using EventPlatform.Core.Common;
using EventPlatform.Core.Organizations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.TestSupport;

/// <summary>Builders that put people and organizations straight into a test database.</summary>
public static class TestData
{
    public static async Task<ApplicationUser> AddUserAsync(this IAppDbContextFactory dbFactory, string email, bool confirmed = true,
        string? displayName = null)
    {
        await using var db = await dbFactory.CreateAsync();
        var user = new ApplicationUser
        {
            Id = Guid.CreateVersion7(),
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            EmailConfirmed = confirmed,
            DisplayName = displayName,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user;
    }

    public static async Task<Organization> AddOrganizationAsync(this IAppDbContextFactory dbFactory, string slug,
        params (Guid UserId, OrgRole Role)[] members)
    {
        await using var db = await dbFactory.CreateAsync();
        var organization = new Organization { Id = Guid.CreateVersion7(), Name = slug, Slug = slug, CreatedAt = DateTimeOffset.UtcNow };
        foreach (var (userId, role) in members)
        {
            organization.Members.Add(new OrganizationMember { UserId = userId, Role = role, JoinedAt = DateTimeOffset.UtcNow });
        }

        db.Organizations.Add(organization);
        await db.SaveChangesAsync();
        return organization;
    }

    public static async Task MakePlatformAdminAsync(this IAppDbContextFactory dbFactory, Guid userId)
    {
        await using var db = await dbFactory.CreateAsync();
        var role = await db.Roles.SingleOrDefaultAsync(r => r.Name == PlatformRoles.PlatformAdmin);
        if (role is null)
        {
            role = new IdentityRole<Guid>(PlatformRoles.PlatformAdmin)
                { Id = Guid.CreateVersion7(), NormalizedName = PlatformRoles.PlatformAdmin.ToUpperInvariant() };
            db.Roles.Add(role);
        }

        db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = userId, RoleId = role.Id });
        await db.SaveChangesAsync();
    }
}
