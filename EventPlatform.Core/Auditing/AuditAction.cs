namespace EventPlatform.Core.Auditing;

/// <summary>
/// An action of the audit log: one of <see cref="AuditActions"/>, never an inline string. It comes in two kinds
/// that do not convert into each other, so an action with details cannot be written without them.
/// </summary>
public interface IAuditAction
{
    /// <summary>Namespaced and lower case: <c>{subject}.{what_happened}</c>, e.g. <c>order.paid</c>.</summary>
    string Name { get; }
}

/// <summary>An action whose entries carry no details: the target says it all (<c>event.deleted</c>).</summary>
public sealed record AuditAction(string Name) : IAuditAction
{
    public override string ToString() => Name;
}

/// <summary>
/// An action whose every entry carries a <typeparamref name="TDetails"/>, stored as camelCase JSON. The record's
/// members are the contract outgoing webhooks will publish: add members, never rename or remove one.
/// </summary>
public sealed record AuditAction<TDetails>(string Name) : IAuditAction
    where TDetails : class
{
    public override string ToString() => Name;
}
