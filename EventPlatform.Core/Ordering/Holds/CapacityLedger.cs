using EventPlatform.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Ordering.Holds;

/// <summary>
/// Every change of the sold and held counters goes through here, as conditional updates inside the
/// caller's transaction (architecture.md "Data access"). Rows are always touched in one order —
/// sessions by id, then ticket types by id — so two purchases can never deadlock on each other.
/// The conditions in <c>WHERE</c> make a full session or type refuse the update (0 rows), and the
/// CHECK constraints on both tables are the backstop: no code path can oversell.
/// </summary>
public static class CapacityLedger
{
    /// <summary>Holds the places if every session and type has room; false (and nothing kept) otherwise — the caller rolls back.</summary>
    public static async Task<bool> TryHoldAsync(IAppDbContext db, CapacityDemand demand, CancellationToken ct)
    {
        foreach (var (sessionId, quantity) in Sorted(demand.BySession))
        {
            var changed = await db.Sessions.Where(s => s.Id == sessionId && s.Sold + s.Held + quantity <= s.Capacity)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.Held, s => s.Held + quantity), ct);
            if (changed == 0)
            {
                return false;
            }
        }

        foreach (var (typeId, quantity) in Sorted(demand.ByTicketType))
        {
            var changed = await db.TicketTypes.Where(t => t.Id == typeId && (t.QuantityCap == null || t.Sold + t.Held + quantity <= t.QuantityCap))
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.Held, t => t.Held + quantity), ct);
            if (changed == 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Sells places directly (a payment that arrived after its hold was released); false when they are gone.</summary>
    public static async Task<bool> TrySellAsync(IAppDbContext db, CapacityDemand demand, CancellationToken ct)
    {
        foreach (var (sessionId, quantity) in Sorted(demand.BySession))
        {
            var changed = await db.Sessions.Where(s => s.Id == sessionId && s.Sold + s.Held + quantity <= s.Capacity)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.Sold, s => s.Sold + quantity), ct);
            if (changed == 0)
            {
                return false;
            }
        }

        foreach (var (typeId, quantity) in Sorted(demand.ByTicketType))
        {
            var changed = await db.TicketTypes.Where(t => t.Id == typeId && (t.QuantityCap == null || t.Sold + t.Held + quantity <= t.QuantityCap))
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.Sold, t => t.Sold + quantity), ct);
            if (changed == 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Held places become sold (payment confirmed within the hold).</summary>
    public static async Task ConvertHeldToSoldAsync(IAppDbContext db, CapacityDemand demand, CancellationToken ct)
    {
        foreach (var (sessionId, quantity) in Sorted(demand.BySession))
        {
            await RequireOneAsync(db.Sessions.Where(s => s.Id == sessionId && s.Held >= quantity)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.Held, s => s.Held - quantity).SetProperty(s => s.Sold, s => s.Sold + quantity), ct));
        }

        foreach (var (typeId, quantity) in Sorted(demand.ByTicketType))
        {
            await RequireOneAsync(db.TicketTypes.Where(t => t.Id == typeId && t.Held >= quantity)
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.Held, t => t.Held - quantity).SetProperty(t => t.Sold, t => t.Sold + quantity), ct));
        }
    }

    /// <summary>Gives held places back (hold expired or replaced).</summary>
    public static async Task ReleaseHeldAsync(IAppDbContext db, CapacityDemand demand, CancellationToken ct)
    {
        foreach (var (sessionId, quantity) in Sorted(demand.BySession))
        {
            await RequireOneAsync(db.Sessions.Where(s => s.Id == sessionId && s.Held >= quantity)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.Held, s => s.Held - quantity), ct));
        }

        foreach (var (typeId, quantity) in Sorted(demand.ByTicketType))
        {
            await RequireOneAsync(db.TicketTypes.Where(t => t.Id == typeId && t.Held >= quantity)
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.Held, t => t.Held - quantity), ct));
        }
    }

    /// <summary>Gives sold places back (tickets cancelled and refunded).</summary>
    public static async Task ReleaseSoldAsync(IAppDbContext db, CapacityDemand demand, CancellationToken ct)
    {
        foreach (var (sessionId, quantity) in Sorted(demand.BySession))
        {
            await RequireOneAsync(db.Sessions.Where(s => s.Id == sessionId && s.Sold >= quantity)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.Sold, s => s.Sold - quantity), ct));
        }

        foreach (var (typeId, quantity) in Sorted(demand.ByTicketType))
        {
            await RequireOneAsync(db.TicketTypes.Where(t => t.Id == typeId && t.Sold >= quantity)
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.Sold, t => t.Sold - quantity), ct));
        }
    }

    private static IEnumerable<KeyValuePair<Guid, int>> Sorted(IReadOnlyDictionary<Guid, int> quantities) =>
        quantities.Where(q => q.Value > 0).OrderBy(q => q.Key);

    /// <summary>A release that finds nothing to release means the counters and the tickets disagree: stop, never paper over it.</summary>
    private static async Task RequireOneAsync(Task<int> update)
    {
        if (await update != 1)
        {
            throw new InvalidOperationException("Capacity counters do not match the tickets being changed; the transaction was rolled back.");
        }
    }
}
