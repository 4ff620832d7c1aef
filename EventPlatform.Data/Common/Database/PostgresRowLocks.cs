using EventPlatform.Core.Catalog;
using EventPlatform.Core.Common.Database;
using EventPlatform.Core.Ordering;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Data.Common.Database;

/// <summary><see cref="IRowLocks"/> with PostgreSQL's row locks and transaction-scoped advisory locks.</summary>
internal sealed class PostgresRowLocks(EventPlatformDbContext db) : IRowLocks
{
    public async Task<Order?> OrderAsync(Guid orderId, CancellationToken ct) =>
        await WithTicketsAsync(await db.Orders.FromSql($"SELECT * FROM orders WHERE id = {orderId} FOR UPDATE").SingleOrDefaultAsync(ct), ct);

    public async Task<Order?> OrderByKeyAsync(string accessKey, CancellationToken ct) =>
        await WithTicketsAsync(await db.Orders.FromSql($"SELECT * FROM orders WHERE access_key = {accessKey} FOR UPDATE").SingleOrDefaultAsync(ct),
            ct);

    public async Task<Order?> OrderPayingWithAsync(Guid orderId, string intentId, CancellationToken ct) =>
        await WithTicketsAsync(await db.Orders.FromSql($"SELECT * FROM orders WHERE id = {orderId} AND payment_intent_id = {intentId} FOR UPDATE")
            .SingleOrDefaultAsync(ct), ct);

    public async Task<Order?> ExpiredHoldOrNullAsync(Guid orderId, DateTimeOffset now, CancellationToken ct) =>
        await WithTicketsAsync(await db.Orders.FromSql($"""
            SELECT * FROM orders WHERE id = {orderId} AND status = 'Pending' AND hold_expires_at <= {now} FOR UPDATE SKIP LOCKED
            """).SingleOrDefaultAsync(ct), ct);

    public Task<Coupon> CouponAsync(Guid couponId, CancellationToken ct) =>
        db.Coupons.FromSql($"SELECT * FROM coupons WHERE id = {couponId} FOR UPDATE").AsNoTracking().SingleAsync(ct);

    public Task<EventStatus> EventStatusSharedAsync(Guid eventId, CancellationToken ct) =>
        db.Events.FromSql($"SELECT * FROM events WHERE id = {eventId} FOR SHARE").AsNoTracking().Select(e => e.Status).SingleAsync(ct);

    public Task EventForSessionChangeAsync(Guid eventId, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"SELECT 1 FROM events WHERE id = {eventId} FOR NO KEY UPDATE", ct);

    public Task NameAsync(string key, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))", ct);

    /// <remarks>
    /// A second statement on purpose: under READ COMMITTED a statement that waited for the lock sees
    /// the newest order row but other tables as of its own start, so tickets joined into the locking
    /// statement could be stale (and be cancelled twice).
    /// </remarks>
    private async Task<Order?> WithTicketsAsync(Order? order, CancellationToken ct)
    {
        if (order is not null)
        {
            order.Tickets = await db.Tickets.Where(t => t.OrderId == order.Id).ToListAsync(ct);
        }

        return order;
    }
}
