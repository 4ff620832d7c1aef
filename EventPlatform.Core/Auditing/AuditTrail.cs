using System.Text.Json;
using EventPlatform.Core.Common;

namespace EventPlatform.Core.Auditing;

/// <summary>
/// Adds audit entries to the caller's DbContext so they commit (or roll back) with the change
/// they describe. Use cases call <see cref="Add"/> before <c>SaveChangesAsync</c>.
/// </summary>
public sealed class AuditTrail(TimeProvider clock)
{
    private static readonly JsonSerializerOptions DetailsJson = new(JsonSerializerDefaults.Web);

    public AuditEntry Add(
        IAppDbContext db,
        Guid? actorUserId,
        Guid? organizationId,
        AuditAction action,
        string? targetType = null,
        string? targetId = null,
        object? details = null,
        string? actorLabel = null)
    {
        var entry = new AuditEntry
        {
            Id = Guid.CreateVersion7(),
            At = clock.GetUtcNow(),
            ActorUserId = actorUserId,
            ActorLabel = actorLabel,
            OrganizationId = organizationId,
            Action = action.Name,
            TargetType = targetType,
            TargetId = targetId,
            Details = details is null ? null : JsonSerializer.Serialize(details, DetailsJson),
        };
        db.AuditEntries.Add(entry);
        return entry;
    }
}
