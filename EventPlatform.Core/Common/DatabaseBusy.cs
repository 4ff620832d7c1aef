using System.Data.Common;

namespace EventPlatform.Core.Common;

/// <summary>
/// Recognises database errors that mean "not right now" rather than a bug: a lock wait that hit
/// <c>lock_timeout</c>, a deadlock, a serialization failure — and the database restarting or
/// unreachable for a moment (issue 15: a PostgreSQL restart during an on-sale). The buyer is told
/// to try again; nothing was changed because the transaction rolled back (or never began).
/// </summary>
public static class DatabaseBusy
{
    private static readonly HashSet<string> BusyStates =
    [
        "55P03", "40P01", "40001", "57014",
        // admin_shutdown, crash_shutdown, cannot_connect_now: the server is stopping or starting.
        "57P01", "57P02", "57P03",
    ];

    public static bool IsBusy(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException { SqlState: { } state } && (BusyStates.Contains(state) || state.StartsWith("08", StringComparison.Ordinal)))
            {
                return true;
            }

            // A connection that failed or broke (the server went away): Npgsql marks it transient.
            if (e is DbException { IsTransient: true })
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
