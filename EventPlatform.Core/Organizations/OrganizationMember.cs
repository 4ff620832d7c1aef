using EventPlatform.Core.Accounts;

namespace EventPlatform.Core.Organizations;

/// <summary>A user's role in one organization. A user has at most one role per organization.</summary>
public class OrganizationMember
{
    public Guid OrganizationId { get; set; }
    public Guid UserId { get; set; }
    public OrgRole Role { get; set; }
    public DateTimeOffset JoinedAt { get; set; }

    public Organization? Organization { get; set; }
    public ApplicationUser? User { get; set; }
}
