using System.Text.Json;
using EventPlatform.Core.Common;

namespace EventPlatform.Core.Auditing;

/// <summary>
/// Adds audit entries to the caller's DbContext so they commit (or roll back) with the change
/// they describe. Use cases call <c>Add</c> before <c>SaveChangesAsync</c>.
/// </summary>
public sealed class AuditTrail(TimeProvider clock)
{
    private static readonly JsonSerializerOptions DetailsJson = new(JsonSerializerDefaults.Web);

    /// <summary>Records an action that has no details.</summary>
    public AuditEntry Add(
        IAppDbContext db,
        Guid? actorUserId,
        Guid? organizationId,
        AuditAction action,
        string? targetType = null,
        string? targetId = null,
        string? actorLabel = null) =>
        Append(db, actorUserId, organizationId, action, targetType, targetId, null, actorLabel);

    /// <summary>Records an action with the details its <see cref="AuditAction{TDetails}"/> promises.</summary>
    public AuditEntry Add<TDetails>(
        IAppDbContext db,
        Guid? actorUserId,
        Guid? organizationId,
        AuditAction<TDetails> action,
        string? targetType,
        string? targetId,
        TDetails details,
        string? actorLabel = null)
        where TDetails : class
    {
        ArgumentNullException.ThrowIfNull(details);
        return Append(db, actorUserId, organizationId, action, targetType, targetId, SerializeDetails(details), actorLabel);
    }

    /// <summary>
    /// The stored form of the details: serialized as the declared record, not as whatever runtime type was
    /// passed, so the JSON is exactly the record's members.
    /// </summary>
    internal static string SerializeDetails<TDetails>(TDetails details)
        where TDetails : class =>
        JsonSerializer.Serialize(details, DetailsJson);

    private AuditEntry Append(IAppDbContext db, Guid? actorUserId, Guid? organizationId, IAuditAction action, string? targetType,
        string? targetId, string? details, string? actorLabel)
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
            Details = details,
        };
        db.AuditEntries.Add(entry);
        return entry;
    }
}
