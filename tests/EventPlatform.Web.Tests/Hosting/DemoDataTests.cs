using EventPlatform.Core.Ordering;
using EventPlatform.TestSupport.Web;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Web.Tests.Hosting;

public sealed class DemoDataTests
{
    [Fact]
    public async Task DemoSoldCounts_AreBackedByPaidOrders_CountersEqualTickets()
    {
        await using var app = await TestApp.CreateAsync("demo-data", settings: new Dictionary<string, string?> { ["DemoData:Enabled"] = "true" });
        app.StartKestrel();

        await using var db = await app.Db.CreateAsync();
        var types = await db.TicketTypes.AsNoTracking().ToListAsync();
        Assert.Contains(types, t => t.Taken > 0);
        foreach (var type in types)
        {
            Assert.Equal(type.Taken, await db.Tickets.CountAsync(t => t.TicketTypeId == type.Id && t.Status == TicketStatus.Valid));
        }

        var sessions = await db.Sessions.AsNoTracking().ToListAsync();
        foreach (var session in sessions)
        {
            var sold = await db.Tickets.CountAsync(t => t.Status == TicketStatus.Valid
                && db.TicketTypeSessions.Any(l => l.TicketTypeId == t.TicketTypeId && l.SessionId == session.Id));
            Assert.Equal(session.Taken, sold);
        }

        Assert.True(await db.Orders.AnyAsync(o => o.NormalizedBuyerEmail == "ALICE@DEMO.EVENTPLATFORM.TEST" && o.Status == OrderStatus.Paid));
        Assert.True(await db.Orders.AllAsync(o => o.TotalMinor == o.PaidMinor
            && o.Tickets.Sum(t => t.UnitPriceMinor - t.DiscountMinor + t.FeeMinor) == o.TotalMinor));
        Assert.True(await db.EventQuestions.AnyAsync());
        // Both demo organizations show pages in their public navigation; a draft stays out of it.
        Assert.Equal(2, await db.ContentPages.Where(p => p.IsPublished).Select(p => p.OrganizationId).Distinct().CountAsync());
        Assert.True(await db.ContentPages.AnyAsync(p => !p.IsPublished));
    }
}
