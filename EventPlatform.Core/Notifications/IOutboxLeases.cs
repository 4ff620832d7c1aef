namespace EventPlatform.Core.Notifications;

/// <summary>
/// Takes the next due outbox email for sending so that several app instances can run the worker
/// without sending an email twice (implemented in Data with <c>FOR UPDATE SKIP LOCKED</c>).
/// </summary>
/// <remarks>
/// The "lease" is the row lock of the caller's open transaction, not a time stamp: it lasts exactly
/// as long as the send (however slow the mail server), and it ends the moment the process dies —
/// the database drops a killed instance's connection and its locks — so a crash never leaves an
/// email waiting for a lease to run out, and a slow send is never taken over by another instance.
/// </remarks>
public interface IOutboxLeases
{
    /// <summary>
    /// Locks one pending email whose next attempt is due, skipping emails other senders hold, in
    /// <paramref name="db"/>'s current transaction. Null when nothing is due.
    /// </summary>
    Task<Guid?> LockNextDueAsync(Common.IAppDbContext db, DateTimeOffset now, CancellationToken cancellationToken);
}
