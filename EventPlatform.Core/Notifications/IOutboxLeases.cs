namespace EventPlatform.Core.Notifications;

/// <summary>
/// Claims due outbox rows so that several app instances can run the worker without sending an
/// email twice (implemented in Data with <c>FOR UPDATE SKIP LOCKED</c>).
/// </summary>
public interface IOutboxLeases
{
    /// <summary>Leases up to <paramref name="max"/> pending emails whose next attempt is due, until <paramref name="leaseUntil"/>.</summary>
    Task<IReadOnlyList<Guid>> ClaimDueEmailsAsync(int max, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken);
}
