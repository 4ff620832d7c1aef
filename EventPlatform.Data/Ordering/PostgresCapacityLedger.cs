using System.Data.Common;
using EventPlatform.Core.Ordering.Holds;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace EventPlatform.Data.Ordering;

/// <summary>
/// <see cref="ICapacityLedger"/> for PostgreSQL: each change is one conditional <c>UPDATE</c> of the
/// <c>taken</c> counter per row whose <c>WHERE</c> refuses a full session or type (0 rows); the CHECK
/// constraints on both tables are the backstop, so no code path can oversell.
/// </summary>
/// <remarks>
/// The updates of one change go to the database as one batch: one round trip instead of one per
/// row, still run one after the other in the sorted order. These rows are the hottest of an
/// on-sale, locked until the caller commits, so every round trip saved here is lock time saved for
/// everyone else (a profile of the hot on-sale found the round trips under the session lock to be
/// what bounded purchases per second).
/// </remarks>
internal sealed class PostgresCapacityLedger(DbContext db) : ICapacityLedger
{
    private const string TakeSession = "UPDATE sessions SET taken = taken + $2 WHERE id = $1 AND taken + $2 <= capacity";
    private const string TakeType =
        "UPDATE ticket_types SET taken = taken + $2 WHERE id = $1 AND (quantity_cap IS NULL OR taken + $2 <= quantity_cap)";
    private const string ReleaseSession = "UPDATE sessions SET taken = taken - $2 WHERE id = $1 AND taken >= $2";
    private const string ReleaseType = "UPDATE ticket_types SET taken = taken - $2 WHERE id = $1 AND taken >= $2";

    private const string SessionsOfTypes = "SELECT ticket_type_id, session_id FROM ticket_type_sessions WHERE ticket_type_id = ANY($1)";

    public async Task<CapacityHold> TryHoldAsync(CapacityDemand demand, CancellationToken ct)
    {
        var typeIds = demand.ByTicketType.Keys.ToArray();
        var (changed, links) = await UpdateInOneRoundTripAsync(demand, TakeSession, TakeType, ct, (SessionsOfTypes, typeIds));
        return new CapacityHold(changed.All(rows => rows == 1), links.ToLookup(l => l.TypeId, l => l.SessionId));
    }

    public Task<bool> TryTakeAgainAsync(CapacityDemand demand, CancellationToken ct) => AllChangedAsync(demand, TakeSession, TakeType, ct);

    public Task ReleaseAsync(CapacityDemand demand, CancellationToken ct) => RequireAllAsync(demand, ReleaseSession, ReleaseType, ct);

    private async Task<bool> AllChangedAsync(CapacityDemand demand, string sessionSql, string typeSql, CancellationToken ct) =>
        (await UpdateInOneRoundTripAsync(demand, sessionSql, typeSql, ct)).RowsChanged.All(rows => rows == 1);

    private async Task RequireAllAsync(CapacityDemand demand, string sessionSql, string typeSql, CancellationToken ct)
    {
        if (!await AllChangedAsync(demand, sessionSql, typeSql, ct))
        {
            throw new CapacityMismatchException();
        }
    }

    /// <param name="thenRead">A query of (id, id) pairs run last in the same batch, after the updates took their locks.</param>
    /// <returns>The rows each update changed, in order, and what the query read.</returns>
    private async Task<(IReadOnlyList<int> RowsChanged, IReadOnlyList<(Guid TypeId, Guid SessionId)> Read)> UpdateInOneRoundTripAsync(
        CapacityDemand demand, string sessionSql, string typeSql, CancellationToken ct, (string Sql, Guid[] Ids)? thenRead = null)
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
            var parameter = command.CreateParameter();
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        batch.BatchCommands.Add(command);
    }

    private static IEnumerable<KeyValuePair<Guid, int>> Sorted(IReadOnlyDictionary<Guid, int> quantities) =>
        quantities.Where(q => q.Value > 0).OrderBy(q => q.Key);
}
