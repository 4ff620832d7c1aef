using System.Collections.Concurrent;
using System.Diagnostics;
using EventPlatform.Core.Ordering;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EventPlatform.Bench;

/// <param name="StageMs">The app path's confirm latency split into its steps (empty for the ceiling).</param>
internal sealed record SaleRun(int Buyers, double Seconds, int Purchases, int Tickets, IReadOnlyList<double> HoldMs, IReadOnlyList<double> ConfirmMs,
    IReadOnlyDictionary<string, int> Failures, int Oversold, bool CountersMatch, CpuUse Cpu, IReadOnlyDictionary<string,
    IReadOnlyList<double>> StageMs)
{
    /// <summary>CPU milliseconds per purchase in the bench process (app code + load generator) and in the database.</summary>
    public (double App, double Database) CpuMsPerPurchase => (Cpu.ProcessMs / Math.Max(1, Purchases), Cpu.OthersMs / Math.Max(1, Purchases));

    public double PurchasesPerSecond => Purchases / Seconds;
    public double TicketsPerSecond => Tickets / Seconds;
}

/// <summary>
/// The onsale scenario: N buyers buy 1–4 tickets of random types until sold out, through the real
/// use cases (hold → details → payment intent → simulated card → signed webhook); and the same
/// purchases as the minimal SQL transaction, the database's own ceiling.
/// </summary>
internal static class HotOnSale
{
    public static async Task<SaleRun> ThroughTheAppAsync(BenchHost host, int buyers, string slug)
    {
        var sale = await OnSaleEvent.SeedAsync(host.Db, slug);
        var holdMs = new ConcurrentBag<double>();
        var confirmMs = new ConcurrentBag<double>();
        var stages = new[] { "details", "intent", "pay + webhook + confirmation" }.ToDictionary(s => s, _ => new ConcurrentBag<double>());
        var failures = new ConcurrentDictionary<string, int>();
        var purchases = 0;
        var tickets = 0;
        var soldOut = 0;
        var cpu = new CpuMeter();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, buyers).Select(b => Task.Run(async () =>
        {
            var random = new Random(b);
            var misses = 0;
            while (Volatile.Read(ref soldOut) == 0)
            {
                var type = sale.Types[random.Next(sale.Types.Count)];
                var quantity = random.Next(1, 5);
                await using var scope = host.Services.CreateAsyncScope();
                var services = scope.ServiceProvider;
                var started = Stopwatch.GetTimestamp();
                var hold = await PurchaseSteps.HoldAsync(services, sale.EventId, type.Id, quantity);
                holdMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!hold.Succeeded)
                {
                    failures.AddOrUpdate(hold.Errors[0].Message, 1, (_, n) => n + 1);
                    if (++misses > 20 && await IsSoldOutAsync(host, sale))
                    {
                        Interlocked.Exchange(ref soldOut, 1);
                    }

                    continue;
                }

                misses = 0;
                started = Stopwatch.GetTimestamp();
                var key = hold.Value!.AccessKey;
                await PurchaseSteps.DetailsAsync(services, key, $"buyer{b}@bench.test");
                var detailsDone = Stopwatch.GetTimestamp();
                await PurchaseSteps.IntentAsync(services, key);
                var intentDone = Stopwatch.GetTimestamp();
                var paid = await PurchaseSteps.PayAsync(services, key);
                confirmMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                stages["details"].Add(Stopwatch.GetElapsedTime(started, detailsDone).TotalMilliseconds);
                stages["intent"].Add(Stopwatch.GetElapsedTime(detailsDone, intentDone).TotalMilliseconds);
                stages["pay + webhook + confirmation"].Add(Stopwatch.GetElapsedTime(intentDone).TotalMilliseconds);
                if (paid)
                {
                    Interlocked.Increment(ref purchases);
                    Interlocked.Add(ref tickets, quantity);
                }
                else
                {
                    failures.AddOrUpdate("payment not confirmed", 1, (_, n) => n + 1);
                }
            }
        })));
        clock.Stop();
        var used = cpu.Stop();
        var (oversold, match) = await CheckAsync(host, sale);
        return new SaleRun(buyers, clock.Elapsed.TotalSeconds, purchases, tickets, [.. holdMs], [.. confirmMs], failures, oversold, match, used,
            stages.ToDictionary(s => s.Key, s => (IReadOnlyList<double>)[.. s.Value]));
    }

    /// <summary>The minimal purchase transaction with Npgsql: conditional counter updates, one order, its tickets, commit.</summary>
    public static async Task<SaleRun> CeilingAsync(BenchHost host, int buyers, string slug)
    {
        var sale = await OnSaleEvent.SeedAsync(host.Db, slug);
        var latency = new ConcurrentBag<double>();
        var failures = new ConcurrentDictionary<string, int>();
        var purchases = 0;
        var tickets = 0;
        var soldOut = 0;
        var organizationId = await OrganizationOfAsync(host, sale.EventId);
        var cpu = new CpuMeter();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, buyers).Select(b => Task.Run(async () =>
        {
            var random = new Random(b);
            var misses = 0;
            while (Volatile.Read(ref soldOut) == 0)
            {
                var type = sale.Types[random.Next(sale.Types.Count)];
                var quantity = random.Next(1, 5);
                var started = Stopwatch.GetTimestamp();
                var bought = await BuyWithSqlAsync(host.ConnectionString, sale.EventId, organizationId, type, quantity);
                latency.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (bought)
                {
                    misses = 0;
                    Interlocked.Increment(ref purchases);
                    Interlocked.Add(ref tickets, quantity);
                }
                else
                {
                    failures.AddOrUpdate("no room", 1, (_, n) => n + 1);
                    if (++misses > 20 && await IsSoldOutAsync(host, sale))
                    {
                        Interlocked.Exchange(ref soldOut, 1);
                    }
                }
            }
        })));
        clock.Stop();
        var used = cpu.Stop();
        var (oversold, match) = await CheckAsync(host, sale);
        return new SaleRun(buyers, clock.Elapsed.TotalSeconds, purchases, tickets, [.. latency], [], failures, oversold, match, used,
            new Dictionary<string, IReadOnlyList<double>>());
    }

    private static async Task<bool> BuyWithSqlAsync(string connectionString, Guid eventId, Guid organizationId,
        (Guid Id, Guid[] Sessions, int? Cap) type, int quantity)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var sessionId in type.Sessions.Order())
        {
            await using var update = new NpgsqlCommand("UPDATE sessions SET taken = taken + @q WHERE id = @id AND taken + @q <= capacity",
                connection, transaction);
            update.Parameters.AddWithValue("q", quantity);
            update.Parameters.AddWithValue("id", sessionId);
            if (await update.ExecuteNonQueryAsync() != 1)
            {
                await transaction.RollbackAsync();
                return false;
            }
        }

        await using (var update = new NpgsqlCommand(
            "UPDATE ticket_types SET taken = taken + @q WHERE id = @id AND (quantity_cap IS NULL OR taken + @q <= quantity_cap)",
            connection, transaction))
        {
            update.Parameters.AddWithValue("q", quantity);
            update.Parameters.AddWithValue("id", type.Id);
            if (await update.ExecuteNonQueryAsync() != 1)
            {
                await transaction.RollbackAsync();
                return false;
            }
        }

        var orderId = Guid.CreateVersion7();
        await using (var order = new NpgsqlCommand("""
            INSERT INTO orders (id, number, access_key, event_id, organization_id, is_member_pricing, status, currency, subtotal_minor,
                discount_minor, fee_minor, fee_passed_to_buyer, total_minor, paid_minor, refunded_minor, details_completed, hold_expires_at,
                created_at, paid_at, refunded_late_payment, paid_offline)
            VALUES (@id, @number, @key, @event, @org, false, 'Paid', 'EUR', @total, 0, 0, true, @total, @total, 0, true, now(), now(), now(),
                false, false)
            """, connection, transaction))
        {
            order.Parameters.AddWithValue("id", orderId);
            order.Parameters.AddWithValue("number", TicketCodes.NewOrderNumber());
            order.Parameters.AddWithValue("key", TicketCodes.NewAccessKey());
            order.Parameters.AddWithValue("event", eventId);
            order.Parameters.AddWithValue("org", organizationId);
            order.Parameters.AddWithValue("total", 4900L * quantity);
            await order.ExecuteNonQueryAsync();
        }

        for (var i = 1; i <= quantity; i++)
        {
            await using var ticket = new NpgsqlCommand("""
                INSERT INTO tickets (id, order_id, event_id, ticket_type_id, ticket_type_name, code, status, answers, unit_price_minor,
                    discount_minor, fee_minor, position)
                VALUES (@id, @order, @event, @type, 'Bench', @code, 'Valid', '{}'::jsonb, 4900, 0, 0, @position)
                """, connection, transaction);
            ticket.Parameters.AddWithValue("id", Guid.CreateVersion7());
            ticket.Parameters.AddWithValue("order", orderId);
            ticket.Parameters.AddWithValue("event", eventId);
            ticket.Parameters.AddWithValue("type", type.Id);
            ticket.Parameters.AddWithValue("code", TicketCodes.NewTicketCode());
            ticket.Parameters.AddWithValue("position", i);
            await ticket.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        return true;
    }

    private static async Task<Guid> OrganizationOfAsync(BenchHost host, Guid eventId)
    {
        await using var db = await host.Db.CreateAsync();
        return await db.Events.Where(e => e.Id == eventId).Select(e => e.OrganizationId).SingleAsync();
    }

    /// <summary>Sold out: no type has a place left (held places of pending orders count until paid).</summary>
    private static async Task<bool> IsSoldOutAsync(BenchHost host, OnSaleEvent sale)
    {
        await using var db = await host.Db.CreateAsync();
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.EventId == sale.EventId)
            .ToDictionaryAsync(s => s.Id, s => s.Capacity - s.Taken);
        var types = await db.TicketTypes.AsNoTracking().Where(t => t.EventId == sale.EventId)
            .ToDictionaryAsync(t => t.Id, t => t.QuantityCap is { } cap ? cap - t.Taken : int.MaxValue);
        return sale.Types.All(t => Math.Min(types[t.Id], t.Sessions.Min(s => sessions[s])) < 1);
    }

    /// <summary>Oversold places (must be 0) and whether the taken counters equal the valid and held tickets.</summary>
    private static async Task<(int Oversold, bool CountersMatch)> CheckAsync(BenchHost host, OnSaleEvent sale)
    {
        await using var db = await host.Db.CreateAsync();
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.EventId == sale.EventId).ToListAsync();
        // Taken = valid tickets + tickets held by pending orders.
        var valid = await db.Tickets.AsNoTracking().Where(t => t.EventId == sale.EventId && (t.Status == TicketStatus.Valid
                || (t.Status == TicketStatus.Reserved && db.Orders.Any(o => o.Id == t.OrderId && o.Status == OrderStatus.Pending))))
            .GroupBy(t => t.TicketTypeId).ToDictionaryAsync(g => g.Key, g => g.Count());
        var oversold = sessions.Sum(s => Math.Max(0, s.Taken - s.Capacity));
        var match = sessions.All(s => s.Taken == sale.Types.Where(t => t.Sessions.Contains(s.Id)).Sum(t => valid.GetValueOrDefault(t.Id)));
        var types = await db.TicketTypes.AsNoTracking().Where(t => t.EventId == sale.EventId).ToListAsync();
        match &= types.All(t => t.Taken == valid.GetValueOrDefault(t.Id));
        return (oversold, match);
    }
}
