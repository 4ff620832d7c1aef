using System.Data.Common;
using EventPlatform.Core.Common.Database;
using Npgsql;

namespace EventPlatform.Data.Common.Database;

/// <summary><see cref="IDatabaseErrors"/> by PostgreSQL's SQLSTATE codes.</summary>
public sealed class PostgresErrors : IDatabaseErrors
{
    /// <summary>The one instance; the class holds no state.</summary>
    public static readonly PostgresErrors Instance = new();

    private static readonly HashSet<string> BusyStates =
    [
        // lock_not_available (lock_timeout), deadlock_detected, serialization_failure, query_canceled.
        "55P03", "40P01", "40001", "57014",
        // admin_shutdown, crash_shutdown, cannot_connect_now: the server is stopping or starting.
        "57P01", "57P02", "57P03",
    ];

    public bool IsBusy(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            // Class 08: connection exceptions.
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

    public bool IsUniqueViolation(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                return true;
            }
        }

        return false;
    }
}
