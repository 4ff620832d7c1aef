namespace EventPlatform.Core.Common;

/// <summary>
/// Thrown by a use case when the caller has no right to what they asked for. Pages turn it into
/// an "access denied" view; it never reveals whether the target exists.
/// </summary>
/// <param name="isNotAMember">
/// The caller has no role at all in the organization: its pages answer "not found" (404), as for
/// one that does not exist, rather than an access-denied page that confirms it does.
/// </param>
public sealed class AccessDeniedException(string message, bool isNotAMember = false) : Exception(message)
{
    public bool IsNotAMember { get; } = isNotAMember;
}
