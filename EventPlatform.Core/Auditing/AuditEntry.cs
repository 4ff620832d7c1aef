namespace EventPlatform.Core.Auditing;

/// <summary>
/// One recorded action: who did what to which thing, in which organization, when. Written in the
/// same transaction as the change it describes. Actions are namespaced (<c>organization.created</c>,
/// later <c>order.paid</c>) so they can also feed outgoing webhooks.
/// </summary>
public class AuditEntry
{
    public Guid Id { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>The user who acted; null for the system or a kiosk.</summary>
    public Guid? ActorUserId { get; set; }
    /// <summary>A readable actor for non-users, e.g. a kiosk's station name or "system".</summary>
    public string? ActorLabel { get; set; }
    public Guid? OrganizationId { get; set; }
    public required string Action { get; set; }
    public string? TargetType { get; set; }
    public string? TargetId { get; set; }
    /// <summary>JSON with the specifics of the action.</summary>
    public string? Details { get; set; }
}
