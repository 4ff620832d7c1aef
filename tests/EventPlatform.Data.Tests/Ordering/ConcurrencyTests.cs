using EventPlatform.Core.Ordering;
using EventPlatform.Core.Ordering.Cancellation;
using EventPlatform.Core.Ordering.Holds;
using EventPlatform.Core.Organizations;
using EventPlatform.TestSupport;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Xunit.Abstractions;

namespace EventPlatform.Data.Tests.Ordering;

/// <summary>
/// The promise "never oversell", proven with many parallel buyers against PostgreSQL. The first
/// test is the control: the same race through a naive read-check-write oversells, so the guarded
/// tests below would notice if the guard were missing.
/// </summary>
[Collection(ConcurrencyCollection.Name)]
public sealed class ConcurrencyTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Buyers = 200;
    /// <summary>One real connection each (the race needs them all open at once), within the test cluster's limit.</summary>
    private const int NaiveBuyers = 150;
    private CoreServices _services = default!;
    private Guid _organizationId;

    public async Task InitializeAsync()
    {
        _services = await CoreServices.CreateAsync("concurrency");
        var manager = await _services.Db.AddUserAsync("manager@riverside.test");
        _organizationId = (await _services.Db.AddOrganizationAsync("riverside", (manager.Id, OrgRole.Manager))).Id;
        _services.Caller.UserId = null;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Control_NaiveReadCheckWrite_Oversells()
    {
        var sale = await _services.Db.AddSellableEventAsync(_organizationId, "naive", [50], new SeedTicketType("Day", 1000, [0]));
        var sessionId = sale.SessionIds[0];
        // Unpooled: 200 naive buyers get 200 real connections, and give them back at the end.
        var unpooled = _services.ConnectionString + ";Pooling=false";
        await using (var connection = new NpgsqlConnection(unpooled))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE TABLE naive_tickets (id serial PRIMARY KEY)", connection);
            await create.ExecuteNonQueryAsync();
        }

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, NaiveBuyers).Select(_ => Task.Run(async () =>
        {
            await using var connection = new NpgsqlConnection(unpooled);
            await connection.OpenAsync();
            await start.Task;
            // Read, check in the application, then write: what the guard exists to prevent.
            await using var read = new NpgsqlCommand("SELECT capacity - taken FROM sessions WHERE id = @id", connection);
            read.Parameters.AddWithValue("id", sessionId);
            var remaining = (int)(await read.ExecuteScalarAsync())!;
            if (remaining < 1)
            {
                return false;
            }

            await Task.Delay(25);
            await using var write = new NpgsqlCommand(
                "INSERT INTO naive_tickets DEFAULT VALUES; UPDATE sessions SET taken = LEAST(capacity, taken + 1) WHERE id = @id", connection);
            write.Parameters.AddWithValue("id", sessionId);
            await write.ExecuteNonQueryAsync();
            return true;
        })).ToList();
        start.SetResult();
        await Task.WhenAll(tasks);

        await using var check = new NpgsqlConnection(unpooled);
        await check.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM naive_tickets", check);
        var sold = (long)(await count.ExecuteScalarAsync())!;
        output.WriteLine($"Naive read-check-write: {NaiveBuyers} buyers, capacity 50, tickets written {sold}");
        Assert.True(sold > 50, $"The control should oversell to show the race exists; it wrote {sold} tickets for 50 places.");
    }

    [Fact]
    public async Task ManyParallelBuyers_MixedSessionTypes_SellExactlyTheCapacity_NeverMore()
    {
        // Two sessions of 50; "Full series" takes a place in both and has its own cap of 20.
        var sale = await _services.Db.AddSellableEventAsync(_organizationId, "hot-sale", [50, 50],
            new SeedTicketType("Full series", 9000, [0, 1], Cap: 20),
            new SeedTicketType("Day 1", 5000, [0]),
            new SeedTicketType("Day 2", 5000, [1]));
        var kinds = Enumerable.Range(0, Buyers).Select(i => (i % 5) switch
        {
            0 => "Full series",
            1 or 2 => "Day 1",
            _ => "Day 2",
        }).ToList();

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = kinds.Select(kind => Task.Run(async () =>
        {
            await start.Task;
            var hold = await _services.HoldAsync(sale.EventId, (sale.TypeIds[kind], 1));
            if (!hold.Succeeded)
            {
                return (Held: false, Paid: false, Reason: hold.Errors[0].Message);
            }

            var paid = await _services.PayAsync(hold.Value!.AccessKey);
            return (Held: true, Paid: paid.Value == OrderStatus.Paid, Reason: "");
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(tasks);

        await using var db = await _services.Db.CreateAsync();
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.EventId == sale.EventId).OrderBy(s => s.Code).ToListAsync();
        var full = await db.TicketTypes.AsNoTracking().SingleAsync(t => t.Id == sale.TypeIds["Full series"]);
        var valid = await db.Tickets.CountAsync(t => t.EventId == sale.EventId && t.Status == TicketStatus.Valid);
        output.WriteLine($"{Buyers} buyers: {results.Count(r => r.Held)} holds, {results.Count(r => r.Paid)} paid, {valid} valid tickets; " +
            $"S1 taken {sessions[0].Taken}/50, S2 taken {sessions[1].Taken}/50, Full series {full.Taken}/20; refusals: " +
            string.Join(", ", results.Where(r => !r.Held).GroupBy(r => r.Reason).Select(g => $"{g.Count()} × \"{g.Key}\"")));

        Assert.All(results.Where(r => r.Held), r => Assert.True(r.Paid));
        // 80 "Day 1" and 80 "Day 2" buyers each need one place: every session ends exactly full.
        // Every hold was paid, so all that is taken is sold.
        Assert.All(sessions, s => Assert.Equal(50, s.Taken));
        Assert.True(full.Taken <= 20);
        Assert.Equal(100 - full.Taken, valid);
        await _services.AssertCountersMatchTicketsAsync(sale.EventId);
    }

    [Fact]
    public async Task CouponRedemptionLimit_HoldsUnderParallelBuyers()
    {
        var sale = await _services.Db.AddSellableEventAsync(_organizationId, "coupon-rush", [500], new SeedTicketType("Day", 2000, [0]));
        await using (var db = await _services.Db.CreateAsync())
        {
            db.Coupons.Add(new Coupon { Id = Guid.CreateVersion7(), OrganizationId = _organizationId, Code = "EARLY10", Kind = CouponKind.Percent,
                PercentOff = 10, RedemptionLimit = 10 });
            await db.SaveChangesAsync();
        }

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, Buyers).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            return await _services.Get<PlaceHold>()
                .ExecuteAsync(new HoldRequest(sale.EventId, new Dictionary<Guid, int> { [sale.TypeIds["Day"]] = 1 }, "early10"));
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(tasks);

        await using var check = await _services.Db.CreateAsync();
        var coupon = await check.Coupons.AsNoTracking().SingleAsync(c => c.Code == "EARLY10");
        var withCoupon = await check.Orders.CountAsync(o => o.CouponId == coupon.Id);
        output.WriteLine($"{Buyers} buyers for a coupon limited to 10: {results.Count(r => r.Succeeded)} holds with it, " +
            $"redeemed counter {coupon.Redeemed}, orders with it {withCoupon}");
        Assert.Equal(10, results.Count(r => r.Succeeded));
        Assert.Equal(10, coupon.Redeemed);
        Assert.Equal(10, withCoupon);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(Core.Common.UserMessages.CouponUsedUp, r.ErrorFor(PlaceHold.CouponField)));
        await _services.AssertCountersMatchTicketsAsync(sale.EventId);
    }

    [Fact]
    public async Task ParallelRefundsOfOneOrder_NeverExceedWhatWasPaid()
    {
        var sale = await _services.Db.AddSellableEventAsync(_organizationId, "refund-rush", [50], new SeedTicketType("Day", 2500, [0]));
        var hold = await _services.HeldAsync(sale.EventId, (sale.TypeIds["Day"], 3));
        await _services.PayAsync(hold.AccessKey);
        var order = await _services.OrderAsync(hold.AccessKey);
        var ticketIds = order.Tickets.Select(t => t.Id).ToList();

        // 60 requests at once: whole-order cancellations and single-ticket ones, by buyer and organizer alike.
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, 60).Select(i => Task.Run(async () =>
        {
            await start.Task;
            IReadOnlyList<Guid> which = (i % 4) switch
            {
                0 => [],
                _ => [ticketIds[i % 3]],
            };
            return await _services.Get<CancelTickets>().ByBuyerAsync(hold.AccessKey, which);
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(tasks);

        order = await _services.OrderAsync(hold.AccessKey);
        await using var db = await _services.Db.CreateAsync();
        var refunds = await db.OrderRefunds.Where(r => r.OrderId == order.Id).SumAsync(r => r.AmountMinor);
        var intent = await db.SimulatedPaymentIntents.SingleAsync(i => i.Id == order.PaymentIntentId);
        output.WriteLine($"60 parallel cancellations: {results.Count(r => r.Succeeded)} succeeded; paid {order.PaidMinor}, " +
            $"refunded {order.RefundedMinor}, refund rows {refunds}, gateway refunded {intent.AmountRefundedMinor}");
        Assert.Equal(OrderStatus.Cancelled, order.Status);
        Assert.Equal(order.PaidMinor, order.RefundedMinor);
        Assert.Equal(order.PaidMinor, refunds);
        Assert.Equal(order.PaidMinor, intent.AmountRefundedMinor);
        Assert.Equal(3, results.Where(r => r.Succeeded).Sum(r => r.Value!.TicketsCancelled));
        await _services.AssertCountersMatchTicketsAsync(sale.EventId);
    }
}

/// <summary>
/// Runs alone: each test opens up to a hundred connections at once, which next to the other
/// test classes' databases would exceed the test cluster's connection limit.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConcurrencyCollection
{
    public const string Name = "concurrency";
}
