namespace EventPlatform.Core.Auditing;

/// <summary>An action of the audit log: one of <see cref="AuditActions"/>, never an inline string.</summary>
/// <param name="Name">Namespaced and lower case: <c>{subject}.{what_happened}</c>, e.g. <c>order.paid</c>.</param>
public sealed record AuditAction(string Name)
{
    public override string ToString() => Name;
}
