namespace EventPlatform.Core.Catalog;

/// <summary>
/// A customer an organization has marked as a member (by email): members see member prices and
/// members-only events and ticket types. Not a team role — see <c>OrganizationMember</c> for that.
/// </summary>
public class CustomerMember
{
    public Guid OrganizationId { get; set; }
    /// <summary>Upper-cased, like Identity's normalized email, so matching ignores case.</summary>
    public required string NormalizedEmail { get; set; }
    public required string Email { get; set; }
    public DateTimeOffset AddedAt { get; set; }
}
