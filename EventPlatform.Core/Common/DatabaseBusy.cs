using System.Data.Common;

namespace EventPlatform.Core.Common;

/// <summary>
/// Recognises database errors that mean "too much contention right now" rather than a bug: a
/// lock wait that hit <c>lock_timeout</c>, a deadlock, a serialization failure. The buyer is told
/// to try again; nothing was changed because the transaction rolled back.
/// </summary>
public static class DatabaseBusy
{
    private static readonly HashSet<string> BusyStates = ["55P03", "40P01", "40001", "57014"];

    public static bool IsBusy(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException { SqlState: { } state } && BusyStates.Contains(state))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A unique index refused the row (e.g. a second pending order of one buyer created at the same instant).</summary>
    public static bool IsUniqueViolation(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException { SqlState: "23505" })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Bounds how long a purchase waits for a row lock inside the current transaction.</summary>
    public const string LockTimeoutSql = "SET LOCAL lock_timeout = '5s'";
}
