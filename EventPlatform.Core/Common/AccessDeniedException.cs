namespace EventPlatform.Core.Common;

/// <summary>
/// Thrown by a use case when the caller has no right to what they asked for. Pages turn it into
/// an "access denied" view; it never reveals whether the target exists.
/// </summary>
public sealed class AccessDeniedException(string message) : Exception(message);
