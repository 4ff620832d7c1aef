using EventPlatform.Core.Accounts;
using EventPlatform.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Organizations;

/// <summary>What the caller is allowed to do in one organization.</summary>
/// <param name="UserId">The caller.</param>
/// <param name="OrganizationId">The organization checked.</param>
/// <param name="Role">The caller's role there, or null when they are only a platform admin.</param>
/// <param name="IsPlatformAdmin">Platform admins may do everything everywhere.</param>
public sealed record OrganizationGrant(Guid UserId, Guid OrganizationId, OrgRole? Role, bool IsPlatformAdmin)
{
    public bool Allows(OrgRole required) => IsPlatformAdmin || (Role is { } held && held.Includes(required));
}

/// <summary>
/// The authorization check every use case touching organization data calls first:
/// <c>await access.RequireAsync(orgId, OrgRole.Manager, ct)</c>. It reads the membership and the
/// platform role from the database on every call, so a removed member or demoted admin loses
/// access at once, whatever their cookie says.
/// </summary>
public sealed class OrganizationAccess(IAppDbContextFactory dbFactory, ICurrentUser currentUser)
{
    /// <summary>Returns the caller's grant when their role includes <paramref name="required"/>; throws otherwise.</summary>
    /// <exception cref="AccessDeniedException">Anonymous, not a member, or a role that does not include <paramref name="required"/>.</exception>
    public async Task<OrganizationGrant> RequireAsync(Guid organizationId, OrgRole required, CancellationToken ct = default)
    {
        var grant = await FindGrantAsync(organizationId, ct);
        if (grant is null)
        {
            throw new AccessDeniedException(UserMessages.NotAMember, isNotAMember: true);
        }

        return grant.Allows(required) ? grant : throw new AccessDeniedException(UserMessages.RoleTooLow);
    }

    /// <summary>Returns the caller's grant when they hold any role in the organization (or are a platform admin).</summary>
    public async Task<OrganizationGrant> RequireMemberAsync(Guid organizationId, CancellationToken ct = default) =>
        await FindGrantAsync(organizationId, ct) ?? throw new AccessDeniedException(UserMessages.NotAMember, isNotAMember: true);

    /// <summary>Throws unless the caller is a platform admin.</summary>
    public async Task<Guid> RequirePlatformAdminAsync(CancellationToken ct = default)
    {
        var userId = await currentUser.GetUserIdAsync(ct) ?? throw new AccessDeniedException(UserMessages.SignInRequired);
        await using var db = await dbFactory.CreateAsync(ct);
        return await IsPlatformAdminAsync(db, userId, ct) ? userId : throw new AccessDeniedException(UserMessages.RoleTooLow);
    }

    /// <summary>The caller's grant, or null when they have none (anonymous or not a member).</summary>
    public async Task<OrganizationGrant?> FindGrantAsync(Guid organizationId, CancellationToken ct = default)
    {
        var userId = await currentUser.GetUserIdAsync(ct);
        if (userId is null)
        {
            return null;
        }

        await using var db = await dbFactory.CreateAsync(ct);
        return await GrantOfAsync(db, userId.Value, organizationId, ct);
    }

    /// <summary>
    /// What <paramref name="userId"/> may do in the organization now, or null: for work done later in a
    /// user's name (a scheduled message), checked again when it runs.
    /// </summary>
    internal static async Task<OrganizationGrant?> GrantOfAsync(IAppDbContext db, Guid userId, Guid organizationId, CancellationToken ct)
    {
        var role = await db.OrganizationMembers
            .Where(m => m.OrganizationId == organizationId && m.UserId == userId)
            .Select(m => (OrgRole?)m.Role)
            .SingleOrDefaultAsync(ct);
        var isAdmin = await IsPlatformAdminAsync(db, userId, ct);
        if (role is null && !isAdmin)
        {
            return null;
        }

        // A platform admin may act on an organization that does not exist only to be told it does not.
        return new OrganizationGrant(userId, organizationId, role, isAdmin);
    }

    internal static Task<bool> IsPlatformAdminAsync(IAppDbContext db, Guid userId, CancellationToken ct) =>
        db.UserRoles.AnyAsync(
            ur => ur.UserId == userId && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == PlatformRoles.PlatformAdmin),
            ct);
}
