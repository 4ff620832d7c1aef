using System.Data.Common;
using EventPlatform.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace EventPlatform.Core.Ordering.Holds;

/// <summary>
/// Every change of the sold and held counters goes through here, as conditional updates inside the
/// caller's transaction (architecture.md "Data access"). Rows are always touched in one order —
/// sessions by id, then ticket types by id — so two purchases can never deadlock on each other.
/// The conditions in <c>WHERE</c> make a full session or type refuse the update (0 rows), and the
/// CHECK constraints on both tables are the backstop: no code path can oversell.
/// </summary>
/// <remarks>
/// The updates of one change go to the database as one batch: one round trip instead of one per
/// row, still run one after the other in the order above. These rows are the hottest of an
/// on-sale, locked until the caller commits, so every round trip saved here is lock time saved
/// for everyone else (issue 7's profile).
/// </remarks>
public static class CapacityLedger
{
    private const string HoldSession = "UPDATE sessions SET held = held + $2 WHERE id = $1 AND sold + held + $2 <= capacity";
    private const string HoldType = "UPDATE ticket_types SET held = held + $2 WHERE id = $1 AND (quantity_cap IS NULL OR sold + held + $2 <= quantity_cap)";
    private const string SellSession = "UPDATE sessions SET sold = sold + $2 WHERE id = $1 AND sold + held + $2 <= capacity";
    private const string SellType = "UPDATE ticket_types SET sold = sold + $2 WHERE id = $1 AND (quantity_cap IS NULL OR sold + held + $2 <= quantity_cap)";
    private const string ConvertSession = "UPDATE sessions SET held = held - $2, sold = sold + $2 WHERE id = $1 AND held >= $2";
    private const string ConvertType = "UPDATE ticket_types SET held = held - $2, sold = sold + $2 WHERE id = $1 AND held >= $2";
    private const string ReleaseHeldSession = "UPDATE sessions SET held = held - $2 WHERE id = $1 AND held >= $2";
    private const string ReleaseHeldType = "UPDATE ticket_types SET held = held - $2 WHERE id = $1 AND held >= $2";
    private const string ReleaseSoldSession = "UPDATE sessions SET sold = sold - $2 WHERE id = $1 AND sold >= $2";
    private const string ReleaseSoldType = "UPDATE ticket_types SET sold = sold - $2 WHERE id = $1 AND sold >= $2";

    private const string SessionsOfTypes = "SELECT ticket_type_id, session_id FROM ticket_type_sessions WHERE ticket_type_id = ANY($1)";

    /// <summary>
    /// Holds the places if every session and type has room; false (and nothing kept) otherwise —
    /// the caller rolls back. In the same round trip, once the types' rows are locked, it reads
    /// which sessions each type includes now, so the caller can check that the sessions it counted
    /// are still the right ones (an organizer may have changed them since it read the event).
    /// </summary>
    public static async Task<(bool Held, ILookup<Guid, Guid> SessionsOfTypesNow)> TryHoldAsync(IAppDbContext db, CapacityDemand demand, CancellationToken ct)
    {
        var typeIds = demand.ByTicketType.Keys.ToArray();
        var (changed, links) = await UpdateInOneRoundTripAsync(db, demand, HoldSession, HoldType, ct, (SessionsOfTypes, typeIds));
        return (changed.All(rows => rows == 1), links.ToLookup(l => l.TypeId, l => l.SessionId));
    }

    /// <summary>Sells places directly (a payment that arrived after its hold was released); false when they are gone.</summary>
    public static Task<bool> TrySellAsync(IAppDbContext db, CapacityDemand demand, CancellationToken ct) =>
        AllChangedAsync(db, demand, SellSession, SellType, ct);

    /// <summary>Held places become sold (payment confirmed within the hold).</summary>
    public static Task ConvertHeldToSoldAsync(IAppDbContext db, CapacityDemand demand, CancellationToken ct) =>
        RequireAllAsync(db, demand, ConvertSession, ConvertType, ct);

    /// <summary>Gives held places back (hold expired or replaced).</summary>
    public static Task ReleaseHeldAsync(IAppDbContext db, CapacityDemand demand, CancellationToken ct) =>
        RequireAllAsync(db, demand, ReleaseHeldSession, ReleaseHeldType, ct);

    /// <summary>Gives sold places back (tickets cancelled and refunded).</summary>
    public static Task ReleaseSoldAsync(IAppDbContext db, CapacityDemand demand, CancellationToken ct) =>
        RequireAllAsync(db, demand, ReleaseSoldSession, ReleaseSoldType, ct);

    private static async Task<bool> AllChangedAsync(IAppDbContext db, CapacityDemand demand, string sessionSql, string typeSql, CancellationToken ct) =>
        (await UpdateInOneRoundTripAsync(db, demand, sessionSql, typeSql, ct)).RowsChanged.All(rows => rows == 1);

    /// <summary>A release that finds nothing to release means the counters and the tickets disagree: stop, never paper over it.</summary>
    private static async Task RequireAllAsync(IAppDbContext db, CapacityDemand demand, string sessionSql, string typeSql, CancellationToken ct)
    {
        if (!await AllChangedAsync(db, demand, sessionSql, typeSql, ct))
        {
            throw new InvalidOperationException("Capacity counters do not match the tickets being changed; the transaction was rolled back.");
        }
    }

    /// <param name="thenRead">A query of (id, id) pairs run last in the same batch, after the updates took their locks.</param>
    /// <returns>The rows each update changed, in order, and what the query read.</returns>
    private static async Task<(IReadOnlyList<int> RowsChanged, IReadOnlyList<(Guid TypeId, Guid SessionId)> Read)> UpdateInOneRoundTripAsync(
        IAppDbContext db, CapacityDemand demand, string sessionSql, string typeSql, CancellationToken ct, (string Sql, Guid[] Ids)? thenRead = null)
    {
        var updates = Sorted(demand.BySession).Select(s => (Sql: sessionSql, Row: s))
            .Concat(Sorted(demand.ByTicketType).Select(t => (Sql: typeSql, Row: t)))
            .ToList();
        if (updates.Count == 0)
        {
            return ([], []);
        }

        var transaction = db.Database.CurrentTransaction ?? throw new InvalidOperationException("Counter changes need the caller's transaction.");
        await using var batch = db.Database.GetDbConnection().CreateBatch();
        batch.Transaction = transaction.GetDbTransaction();
        foreach (var (sql, (id, quantity)) in updates)
        {
            Add(batch, sql, id, quantity);
        }

        if (thenRead is { } query)
        {
            Add(batch, query.Sql, query.Ids);
        }

        var read = new List<(Guid, Guid)>();
        await using (var reader = await batch.ExecuteReaderAsync(ct))
        {
            // The updates return no rows; the query's rows are in the last result set.
            do
            {
                while (await reader.ReadAsync(ct))
                {
                    read.Add((reader.GetGuid(0), reader.GetGuid(1)));
                }
            }
            while (await reader.NextResultAsync(ct));
        }

        return (batch.BatchCommands.Take(updates.Count).Select(c => c.RecordsAffected).ToList(), read);
    }

    private static void Add(DbBatch batch, string sql, params object[] values)
    {
        var command = batch.CreateBatchCommand();
        command.CommandText = sql;
        foreach (var value in values)
        {
            command.Parameters.Add(Parameter(command, value));
        }

        batch.BatchCommands.Add(command);
    }

    private static DbParameter Parameter(DbBatchCommand command, object value)
    {
        var parameter = command.CreateParameter();
        parameter.Value = value;
        return parameter;
    }

    private static IEnumerable<KeyValuePair<Guid, int>> Sorted(IReadOnlyDictionary<Guid, int> quantities) =>
        quantities.Where(q => q.Value > 0).OrderBy(q => q.Key);
}
