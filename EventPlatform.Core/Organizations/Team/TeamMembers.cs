using EventPlatform.Core.Auditing;
using EventPlatform.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Organizations.Team;

/// <summary>One member as the team page lists them.</summary>
public sealed record TeamMember(Guid UserId, string Name, string Email, OrgRole Role, DateTimeOffset JoinedAt, bool IsYou);

/// <summary>The team, and what the reader may do with it.</summary>
public sealed record TeamView(IReadOnlyList<TeamMember> Members, bool CanManage, IReadOnlyList<OrgRole> RolesYouMayGive);

/// <summary>Audit details of a change to the team: whose role, from what to what (null when they left or were removed).</summary>
public sealed record TeamChangeDetails(Guid UserId, string Email, OrgRole From, OrgRole? To);

/// <summary>
/// The organization's team: list (Manager and up), change a role and remove a member (Admin and up), leave (anyone).
/// Nobody gives a role above their own or touches a member above them (only an Owner makes or unmakes Owners),
/// and the last Owner can never be demoted, removed or leave: every change takes the organization's team lock
/// first, so two Owners demoting each other at once leave one Owner. Every change is audit-logged, and takes
/// effect at once: each action of the member checks their role again.
/// </summary>
public sealed class TeamMembers(IAppDbContextFactory dbFactory, OrganizationAccess access, AuditTrail audit)
{
    public async Task<TeamView> ListAsync(Guid organizationId, CancellationToken ct = default)
    {
        var grant = await access.RequireAsync(organizationId, OrgRole.Manager, ct);
        await using var db = await dbFactory.CreateAsync(ct);
        var members = await db.OrganizationMembers.AsNoTracking().Where(m => m.OrganizationId == organizationId)
            .Select(m => new { m.UserId, m.Role, m.JoinedAt, m.User!.DisplayName, m.User.Email })
            .ToListAsync(ct);
        var canManage = grant.Allows(OrgRole.Admin);
        return new TeamView(
            members.OrderByDescending(m => m.Role == OrgRole.Owner).ThenBy(m => m.DisplayName ?? m.Email, StringComparer.OrdinalIgnoreCase)
                .Select(m => new TeamMember(m.UserId, m.DisplayName ?? m.Email ?? "", m.Email ?? "", m.Role, m.JoinedAt, m.UserId == grant.UserId))
                .ToList(),
            canManage,
            canManage ? Enum.GetValues<OrgRole>().Where(r => MayGive(grant, r)).OrderByDescending(r => r).ToList() : []);
    }

    public async Task<CommandResult<OrgRole>> ChangeRoleAsync(Guid organizationId, Guid userId, OrgRole role, CancellationToken ct = default)
    {
        var grant = await access.RequireAsync(organizationId, OrgRole.Admin, ct);
        if (!Enum.IsDefined(role) || !MayGive(grant, role))
        {
            return CommandResult<OrgRole>.Failure(new ValidationFailure("Role", UserMessages.TeamRoleAboveYours));
        }

        return await ChangeAsync(organizationId, userId, grant, role, AuditActions.TeamRoleChanged, ct);
    }

    public async Task<CommandResult<OrgRole>> RemoveAsync(Guid organizationId, Guid userId, CancellationToken ct = default)
    {
        var grant = await access.RequireAsync(organizationId, OrgRole.Admin, ct);
        return await ChangeAsync(organizationId, userId, grant, null, AuditActions.TeamMemberRemoved, ct);
    }

    /// <summary>The caller leaves the organization (refused for its last Owner, who transfers ownership first).</summary>
    public async Task<CommandResult<OrgRole>> LeaveAsync(Guid organizationId, CancellationToken ct = default)
    {
        var grant = await access.RequireMemberAsync(organizationId, ct);
        return await ChangeAsync(organizationId, grant.UserId, grant, null, AuditActions.TeamMemberLeft, ct);
    }

    /// <summary>An Owner gives any role; anyone else a role their own includes, never Owner.</summary>
    private static bool MayGive(OrganizationGrant grant, OrgRole role) =>
        grant.IsPlatformAdmin || grant.Role == OrgRole.Owner || (role != OrgRole.Owner && grant.Role is { } own && own.Includes(role));

    /// <param name="to">The new role; null removes the member.</param>
    private async Task<CommandResult<OrgRole>> ChangeAsync(Guid organizationId, Guid userId, OrganizationGrant grant, OrgRole? to,
        AuditAction<TeamChangeDetails> action, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // One change of this team at a time: the Owner count below is the count after every change before this one.
        await db.Locks.NameAsync($"team:{organizationId}", ct);
        var member = await db.OrganizationMembers.Include(m => m.User)
            .SingleOrDefaultAsync(m => m.OrganizationId == organizationId && m.UserId == userId, ct) ?? throw new NotFoundException();
        var self = userId == grant.UserId;
        // Someone above you (an Owner, for an Admin) is not yours to change; yourself you may leave or step down.
        if (!self && !MayGive(grant, member.Role))
        {
            return CommandResult<OrgRole>.Failure(new ValidationFailure(ValidationFailure.FormLevel, UserMessages.TeamMemberAboveYou));
        }

        if (member.Role == OrgRole.Owner && to != OrgRole.Owner
            && await db.OrganizationMembers.CountAsync(m => m.OrganizationId == organizationId && m.Role == OrgRole.Owner, ct) == 1)
        {
            return CommandResult<OrgRole>.Failure(new ValidationFailure(ValidationFailure.FormLevel, UserMessages.TeamLastOwner));
        }

        var from = member.Role;
        if (to is { } role)
        {
            member.Role = role;
        }
        else
        {
            db.OrganizationMembers.Remove(member);
        }

        audit.Add(db, grant.UserId, organizationId, action, nameof(OrganizationMember), userId.ToString(),
            new TeamChangeDetails(userId, member.User?.Email ?? "", from, to));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return CommandResult<OrgRole>.Success(to ?? from);
    }
}
