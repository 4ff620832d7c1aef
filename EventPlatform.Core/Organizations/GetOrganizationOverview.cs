using EventPlatform.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Organizations;

/// <summary>A team member as listed on the organization overview.</summary>
public sealed record TeamMemberView(Guid UserId, string Name, string Email, OrgRole Role, DateTimeOffset JoinedAt);

/// <summary>The organization's home page for its members.</summary>
public sealed record OrganizationOverview(Guid Id, string Name, string Slug, OrgRole? MyRole, IReadOnlyList<TeamMemberView> Team);

/// <summary>Reads an organization's overview; any member may see it, nobody else.</summary>
public sealed class GetOrganizationOverview(IAppDbContextFactory dbFactory, OrganizationAccess access)
{
    public async Task<OrganizationOverview> ExecuteAsync(Guid organizationId, CancellationToken ct = default)
    {
        var grant = await access.RequireMemberAsync(organizationId, ct);
        await using var db = await dbFactory.CreateAsync(ct);
        var organization = await db.Organizations.AsNoTracking()
            .Where(o => o.Id == organizationId)
            .Select(o => new { o.Id, o.Name, o.Slug })
            .SingleOrDefaultAsync(ct) ?? throw new AccessDeniedException(UserMessages.NotAMember, isNotAMember: true);
        var team = await db.OrganizationMembers.AsNoTracking()
            .Where(m => m.OrganizationId == organizationId)
            .Select(m => new TeamMemberView(m.UserId, m.User!.DisplayName ?? m.User.Email!, m.User.Email!, m.Role, m.JoinedAt))
            .ToListAsync(ct);
        // Roles are stored as text, so the ordering by seniority happens here rather than in SQL.
        var ordered = team.OrderByDescending(m => (int)m.Role).ThenBy(m => m.Email, StringComparer.OrdinalIgnoreCase).ToList();
        return new OrganizationOverview(organization.Id, organization.Name, organization.Slug, grant.Role, ordered);
    }
}
