namespace EventPlatform.Core.Common.Database;

/// <summary>
/// Tells database errors that mean "not right now" from bugs, for the database in use. Busy: a lock
/// wait that hit the transaction's lock timeout, a deadlock, a serialization failure, a cancelled
/// statement — and the database restarting or unreachable for a moment. The buyer is told to try
/// again; nothing changed, because the transaction rolled back (or never began).
/// </summary>
public interface IDatabaseErrors
{
    bool IsBusy(Exception exception);

    /// <summary>A unique index refused the row (e.g. a second pending order of one buyer created at the same instant).</summary>
    bool IsUniqueViolation(Exception exception);
}
