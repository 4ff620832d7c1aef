namespace EventPlatform.Core.Common;

/// <summary>
/// Thrown when the thing asked for does not exist — or exists in an organization the caller does
/// not belong to: both answer the same (a 404), so ids cannot be probed across tenants.
/// </summary>
public sealed class NotFoundException(string message = "Not found.") : Exception(message);
