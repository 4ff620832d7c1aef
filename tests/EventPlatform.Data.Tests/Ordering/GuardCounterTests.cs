using EventPlatform.Core.Catalog.Management;
using EventPlatform.Core.Ordering;
using EventPlatform.Core.Ordering.Cancellation;
using EventPlatform.Core.Reporting;
using EventPlatform.Core.Organizations;
using EventPlatform.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Data.Tests.Ordering;

/// <summary>
/// One guard counter per session and ticket type (docs/decisions/0005-one-guard-counter.md): a hold
/// takes places, paying keeps them without touching the counters, and the organizer's views split
/// what is taken into sold (counted from tickets) and held.
/// </summary>
public sealed class GuardCounterTests : IAsyncLifetime
{
    private CoreServices _services = default!;
    private SellableEvent _event = default!;
    private Guid _managerId;

    private Guid Full => _event.TypeIds["Full series"];
    private Guid Day1 => _event.TypeIds["Day 1"];

    public async Task InitializeAsync()
    {
        _services = await CoreServices.CreateAsync("guard-counter");
        var manager = await _services.Db.AddUserAsync("manager@counter.test");
        _managerId = manager.Id;
        var organization = await _services.Db.AddOrganizationAsync("counter-hall", (manager.Id, OrgRole.Manager));
        _event = await _services.Db.AddSellableEventAsync(organization.Id, "counter-series", [10, 20],
            new SeedTicketType("Full series", 5000, [0, 1]),
            new SeedTicketType("Day 1", 3000, [0]));
        _services.Caller.UserId = null;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Paying_LeavesTheCountersAsTheHoldLeftThem_AndViewsSplitSoldFromHeld()
    {
        var paid = await _services.HeldAsync(_event.EventId, (Full, 2), (Day1, 1));
        var afterHold = await CountersAsync();
        Assert.Equal(OrderStatus.Paid, (await _services.PayAsync(paid.AccessKey)).Value);
        Assert.Equal(afterHold, await CountersAsync());
        Assert.Equal((3, 2, 2, 1), afterHold);

        await _services.HeldAsync(_event.EventId, (Day1, 4));
        await _services.AssertCountersMatchTicketsAsync(_event.EventId);

        _services.Caller.UserId = _managerId;
        var dashboard = await _services.Get<EventDashboard>().GetAsync(_event.EventId);
        var day1 = dashboard.Sessions.Single(s => s.Code == "S1");
        Assert.Equal((3, 4, 3), (day1.Sold, day1.Held, day1.Free));
        var day2 = dashboard.Sessions.Single(s => s.Code == "S2");
        Assert.Equal((2, 0, 18), (day2.Sold, day2.Held, day2.Free));
        var dayTicket = dashboard.TicketTypes.Single(t => t.Id == Day1);
        Assert.Equal((1, 4), (dayTicket.Sold, dayTicket.Held));
        Assert.Equal(3, dashboard.TicketsSold);

        var editing = await _services.Get<GetEventForEditing>().ExecuteAsync(_event.EventId);
        Assert.Equal((2, 1), (editing.Sold.OfType(Full), editing.Sold.OfType(Day1)));
        Assert.Equal((3, 2), (editing.Sold.InSession(_event.SessionIds[0]), editing.Sold.InSession(_event.SessionIds[1])));

        var row = (await _services.Get<ListOrganizerEvents>().ExecuteAsync(_event.OrganizationId, null, null)).Single();
        Assert.Equal(3, row.TicketsSold);
        Assert.Equal(new SessionFill("S1", "Day 1", 3, 7, 10), row.Fullest);
        Assert.Equal(4, row.Fullest!.Held);
    }

    [Fact]
    public async Task CancellingPaidTickets_GivesTheirPlacesBack()
    {
        _services.Caller.UserId = null;
        var hold = await _services.HeldAsync(_event.EventId, (Day1, 2));
        await _services.PayAsync(hold.AccessKey);
        var order = await _services.OrderAsync(hold.AccessKey);

        _services.Caller.UserId = _managerId;
        var cancelled = await _services.Get<CancelTickets>().ByOrganizerAsync(order.Id, [order.Tickets[0].Id], refundMinor: null);

        Assert.True(cancelled.Succeeded, string.Join("; ", cancelled.Errors.Select(e => e.Message)));
        Assert.Equal((1, 0, 0, 1), await CountersAsync());
        await _services.AssertCountersMatchTicketsAsync(_event.EventId);
    }

    private async Task<(int Day1, int Day2, int Full, int Day1Type)> CountersAsync()
    {
        await using var db = await _services.Db.CreateAsync();
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.EventId == _event.EventId).ToDictionaryAsync(s => s.Id, s => s.Taken);
        var types = await db.TicketTypes.AsNoTracking().Where(t => t.EventId == _event.EventId).ToDictionaryAsync(t => t.Id, t => t.Taken);
        return (sessions[_event.SessionIds[0]], sessions[_event.SessionIds[1]], types[Full], types[Day1]);
    }
}
