using EventPlatform.Core.Common;
using EventPlatform.Core.Ordering;
using EventPlatform.Core.Organizations;
using EventPlatform.Core.Payments;
using EventPlatform.Core.Reporting;
using EventPlatform.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Data.Tests.Reporting;

/// <summary>
/// Every dashboard figure against a value worked out by hand from a seeded organization: a Berlin
/// event in euros (a coupon, fees passed and absorbed, a full and a partial refund, a failed refund,
/// a refunded late payment, a pending hold, check-ins) and a New York event in dollars.
/// The clock stands at Mon 1 June 2026, 09:00 UTC (11:00 in Berlin, 05:00 in New York).
/// </summary>
public sealed class DashboardFiguresTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);
    private CoreServices _services = default!;
    private SellableEvent _berlin = default!;
    private SellableEvent _newYork = default!;
    private Guid _analystId;

    public async Task InitializeAsync()
    {
        _services = await CoreServices.CreateAsync("dashboard-figures");
        Assert.Equal(Now, _services.Clock.GetUtcNow());
        var analyst = await _services.Db.AddUserAsync("analyst@figures.test");
        _analystId = analyst.Id;
        var organization = await _services.Db.AddOrganizationAsync("figures-hall", (analyst.Id, OrgRole.Analyst));
        _berlin = await _services.Db.AddSellableEventAsync(organization.Id, "figures-berlin", [10, 20],
            new SeedTicketType("Full", 5000, [0, 1]), new SeedTicketType("Day 1", 3000, [0]));
        _newYork = await _services.Db.AddSellableEventAsync(organization.Id, "figures-new-york", [30], new SeedTicketType("Workshop", 2000, [0]));
        await _services.Db.MoveEventAsync(_newYork, "America/New_York", "USD");
        await SeedAsync();
        _services.Caller.UserId = _analystId;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private async Task SeedAsync()
    {
        var db = _services.Db;
        var valid = TicketStatus.Valid;
        // O1: 2 × Full with 10% off (−€10), 5% fee passed to the buyer (€4.50): paid €94.50 at 00:30 Berlin on 21 May
        // (22:30 UTC on the 20th).
        var o1 = await db.AddOrderAsync(_berlin, OrderStatus.Paid, "EUR", Utc(2026, 5, 20, 22, 30), true, 450, 1000,
            ("Full", 5000, valid), ("Full", 5000, valid));
        await AttachCouponAsync(o1);
        // A refund of O1 that failed: the money never went back, so it is no refund.
        await db.AddRefundAsync(o1, 1000, Utc(2026, 5, 26, 8, 0), RefundStatus.Failed);
        // O2: 1 × Day 1, fee €1.50 absorbed, paid €30 on 21 May; cancelled and refunded in full on 25 May (the fee goes back: €1.50).
        var o2 = await db.AddOrderAsync(_berlin, OrderStatus.Cancelled, "EUR", Utc(2026, 5, 21, 10, 0), false, 150, 0,
            ("Day 1", 3000, TicketStatus.Cancelled));
        await db.AddRefundAsync(o2, 3000, Utc(2026, 5, 25, 9, 0));
        // O3: 3 × Day 1, fee €4.50 absorbed, paid €90 on 23 May; one ticket refunded (€30) on 24 May, giving back €1.50 of the fee.
        var o3 = await db.AddOrderAsync(_berlin, OrderStatus.Paid, "EUR", Utc(2026, 5, 23, 12, 0), false, 450, 0,
            ("Day 1", 3000, valid), ("Day 1", 3000, valid), ("Day 1", 3000, TicketStatus.Cancelled));
        await db.AddRefundAsync(o3, 3000, Utc(2026, 5, 24, 12, 0));
        // O4: a pending hold of 1 × Full. O5: paid after its hold ran out and refunded at once: never a sale.
        await db.AddOrderAsync(_berlin, OrderStatus.Pending, "EUR", Now.AddMinutes(-5), true, 250, 0, ("Full", 5000, TicketStatus.Reserved));
        var o5 = await db.AddOrderAsync(_berlin, OrderStatus.Expired, "EUR", Utc(2026, 5, 22, 9, 0), true, 250, 0, ("Full", 5000, TicketStatus.Void));
        await db.AddRefundAsync(o5, 5250, Utc(2026, 5, 22, 9, 0));
        // O7: 1 × Day 1, fee €1.50 absorbed, paid €30 today at 09:00 Berlin.
        await db.AddOrderAsync(_berlin, OrderStatus.Paid, "EUR", Utc(2026, 6, 1, 7, 0), false, 150, 0, ("Day 1", 3000, valid));
        // Sold: Full 2, Day 1 3 (+1 held Full): S1 has 5 sold + 1 held, S2 2 sold + 1 held.
        await db.SetCountersAsync(_berlin, new Dictionary<string, int> { ["Full"] = 3, ["Day 1"] = 3 });
        await db.CheckInAsync(_berlin, o1, 0, Now.AddMinutes(-30));
        await db.CheckInAsync(_berlin, o3, 0, Now.AddMinutes(-20));
        // An undone check-in of O1's pass at S2: it does not count.
        await db.CheckInAsync(_berlin, o1, 1, Now.AddMinutes(-10), undone: true);

        // P1: $20 with a $1 fee passed, paid at 23:30 New York time on 29 May (03:30 UTC on the 30th).
        await db.AddOrderAsync(_newYork, OrderStatus.Paid, "USD", Utc(2026, 5, 30, 3, 30), true, 100, 0, ("Workshop", 2000, valid));
        await db.SetCountersAsync(_newYork, new Dictionary<string, int> { ["Workshop"] = 1 });
    }

    [Fact]
    public async Task TheEventsMoney_IsWhatWasWorkedOutByHand()
    {
        var view = await _services.Get<EventDashboard>().GetAsync(_berlin.EventId);

        var eur = Assert.Single(view.Sales.Totals);
        // Gross 100 + 30 + 90 + 30; discounts 10; fees passed 4.50, absorbed 1.50 + 4.50 + 1.50, given back 1.50 + 1.50; refunds 30 + 30.
        Assert.Equal(new SalesMoney("EUR", 25000, 1000, 450, 750, 300, 6000), eur);
        Assert.Equal(24450, eur.PaidByBuyers);
        Assert.Equal(900, eur.PlatformFees);
        // What the organizer keeps: O1 90 + O2 0 + O3 (90 − 3 fee − 30) + O7 (30 − 1.50) = 175.50.
        Assert.Equal(17550, eur.Net);
        Assert.Equal((5, 1, 3), (view.TicketsSold, view.TicketsPending, view.PaidOrders));
        Assert.Equal((4, 7), (view.Sales.Orders, view.Sales.Tickets));
    }

    [Fact]
    public async Task PlacesTicketTypesCheckInsAndCoupons_AreCountedFromTheRows()
    {
        var view = await _services.Get<EventDashboard>().GetAsync(_berlin.EventId);

        Assert.Equal([("S1", 5, 1, 4, 2), ("S2", 2, 1, 17, 0)],
            view.Sessions.Select(s => (s.Code, s.Sold, s.Held, s.Free, s.CheckedIn)).ToList());
        var full = view.TicketTypes.Single(t => t.Name == "Full");
        Assert.Equal((2, 1, 4, 7), (full.Sold, full.Held, full.Remaining, full.Capacity));
        Assert.Equal(9000, full.Revenue.AmountMinor);
        var day1 = view.TicketTypes.Single(t => t.Name == "Day 1");
        Assert.Equal((3, 0, 4, 9000), (day1.Sold, day1.Held, day1.Remaining, day1.Revenue.AmountMinor));
        var coupon = Assert.Single(view.Coupons);
        Assert.Equal(("TENOFF", 1, 1000L, 1, (int?)100), (coupon.Code, coupon.PaidOrders, coupon.Discount.Single().AmountMinor, coupon.Redeemed,
            coupon.RedemptionLimit));
    }

    [Fact]
    public async Task Days_AreTheEventsLocalDays_EveryDayListed()
    {
        var view = await _services.Get<EventDashboard>().GetAsync(_berlin.EventId);

        // 22:30 UTC on 20 May is 00:30 on 21 May in Berlin: the first day is the 21st; the last is today, 1 June.
        Assert.Equal(new DateOnly(2026, 5, 21), view.Sales.Days[0].Day);
        Assert.Equal(new DateOnly(2026, 6, 1), view.Sales.Days[^1].Day);
        Assert.Equal(12, view.Sales.Days.Count);
        var byDay = view.Sales.Days.ToDictionary(d => d.Day);
        Assert.Equal((2, 3, 13000L), (byDay[new(2026, 5, 21)].Orders, byDay[new(2026, 5, 21)].Tickets, byDay[new(2026, 5, 21)].In("EUR").Gross));
        Assert.Equal((0, 0L), (byDay[new(2026, 5, 22)].Orders, byDay[new(2026, 5, 22)].In("EUR").Refunds));
        Assert.Equal(3000, byDay[new(2026, 5, 24)].In("EUR").Refunds);
        Assert.Equal(3000, byDay[new(2026, 5, 25)].In("EUR").Refunds);
        Assert.Equal(0, byDay[new(2026, 5, 26)].In("EUR").Refunds);

        var newYork = await _services.Get<EventDashboard>().GetAsync(_newYork.EventId);
        // 03:30 UTC on 30 May is 23:30 on 29 May in New York.
        var sale = Assert.Single(newYork.Sales.Days, d => d.Orders > 0);
        Assert.Equal(new DateOnly(2026, 5, 29), sale.Day);
        Assert.Equal(new SalesMoney("USD", 2000, 0, 100, 0, 0, 0), Assert.Single(newYork.Sales.Totals));
    }

    [Fact]
    public async Task ASessionFilter_KeepsItsSessionTypesAndTheOrdersWithATicketForIt()
    {
        var view = await _services.Get<EventDashboard>().GetAsync(_berlin.EventId, _berlin.SessionIds[1]);

        Assert.Equal(["S2"], view.Sessions.Select(s => s.Code));
        Assert.Equal(["Full"], view.TicketTypes.Select(t => t.Name));
        // Only O1 has a ticket for S2 (its failed refund is no refund).
        Assert.Equal(new SalesMoney("EUR", 10000, 1000, 450, 0, 0, 0), Assert.Single(view.Sales.Totals));
        Assert.Equal((2, 1, 1), (view.TicketsSold, view.TicketsPending, view.PaidOrders));

        await Assert.ThrowsAsync<NotFoundException>(() => _services.Get<EventDashboard>().GetAsync(_berlin.EventId, _newYork.SessionIds[0]));
    }

    [Fact]
    public async Task TheOrganizationOverview_AddsUpItsEventsPerCurrencyInItsZone()
    {
        var view = await _services.Get<OrganizationDashboard>().GetAsync(_berlin.OrganizationId);

        var today = view.Revenue.Single(w => w.Days == 1);
        Assert.Equal(new SalesMoney("EUR", 3000, 0, 0, 150, 0, 0), today.Money.Single(m => m.Currency == "EUR"));
        Assert.Equal(SalesMoney.Zero("USD"), today.Money.Single(m => m.Currency == "USD"));
        var week = view.Revenue.Single(w => w.Days == 7);
        // 26 May – 1 June: O7, and P1 (05:30 on 30 May in Berlin).
        Assert.Equal(new SalesMoney("EUR", 3000, 0, 0, 150, 0, 0), week.Money.Single(m => m.Currency == "EUR"));
        Assert.Equal(2000, week.Money.Single(m => m.Currency == "USD").Net);
        var month = view.Revenue.Single(w => w.Days == 30);
        Assert.Equal(17550, month.Money.Single(m => m.Currency == "EUR").Net);
        Assert.Equal(2000, month.Money.Single(m => m.Currency == "USD").Net);

        Assert.Equal([("Sale figures-berlin", 5), ("Sale figures-new-york", 1)],
            view.Upcoming.OrderBy(e => e.Title).Select(e => (e.Title, e.TicketsSold)).ToList());
        Assert.Empty(view.Today);
    }

    [Fact]
    public async Task AnOutsider_SeesNoFigures()
    {
        var outsider = await _services.Db.AddUserAsync("outsider@elsewhere.test");
        _services.Caller.UserId = outsider.Id;

        await Assert.ThrowsAsync<NotFoundException>(() => _services.Get<EventDashboard>().GetAsync(_berlin.EventId));
        await Assert.ThrowsAnyAsync<AccessDeniedException>(() => _services.Get<OrganizationDashboard>().GetAsync(_berlin.OrganizationId));
    }

    private async Task AttachCouponAsync(Order order)
    {
        await using var db = await _services.Db.CreateAsync();
        var coupon = new Coupon
        {
            Id = Guid.CreateVersion7(), OrganizationId = _berlin.OrganizationId, Code = "TENOFF", Kind = CouponKind.Percent, PercentOff = 10,
            EventIds = [_berlin.EventId], RedemptionLimit = 100, Redeemed = 1, CreatedAt = Now.AddDays(-30),
        };
        db.Coupons.Add(coupon);
        await db.SaveChangesAsync();
        await db.Orders.Where(o => o.Id == order.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.CouponId, coupon.Id)
            .SetProperty(o => o.CouponCode, "TENOFF"));
    }

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);
}
