using EventPlatform.Core.Catalog;
using EventPlatform.Core.Organizations;
using EventPlatform.E2E.Infrastructure;
using EventPlatform.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace EventPlatform.E2E.Catalog;

/// <summary>The organizer's events list: a table on a desktop, one compact row per event on tablets and phones.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EventsListTests(BrowserAppFixture fixture)
{
    [Fact]
    public async Task EachEventIsOneCompactRow_OnTabletsAndPhones_WithItsFullestSession()
    {
        var manager = await fixture.CreateUserAsync("lena.list@example.com", "Lena List");
        var organization = await fixture.App.Db.AddOrganizationAsync("list-hall", (manager.Id, OrgRole.Manager));
        var festival = await fixture.App.Db.AddSellableEventAsync(organization.Id, "clay-festival", [200, 300, 100],
            new SeedTicketType("Friday", 3000, [0]), new SeedTicketType("Saturday", 3000, [1]), new SeedTicketType("Sunday", 3000, [2]));
        await fixture.App.Db.AddSellableEventAsync(organization.Id, "an-evening-of-wheel-throwing-for-absolute-beginners", [24],
            new SeedTicketType("Entry", 2500, [0]));
        var draft = await fixture.App.Db.AddSellableEventAsync(organization.Id, "glaze-lab", []);
        // Each day's ticket type covers its own session.
        foreach (var (day, sold) in new[] { ("Friday", 145), ("Saturday", 100), ("Sunday", 10) })
        {
            await fixture.App.Db.AddPaidTicketsAsync(festival, day, sold, DateTimeOffset.UtcNow);
        }

        await using (var db = await fixture.App.Db.CreateAsync())
        {
            await db.Events.Where(e => e.Id == draft.EventId).ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EventStatus.Draft));
        }

        var page = await fixture.NewSignedInPageAsync("lena.list@example.com", 820, 1180);
        await page.GotoAsync($"org/{organization.Id}/events");
        await page.WaitForInteractiveAsync();

        // A tablet in portrait: compact rows, no table.
        var rows = page.Locator("[data-testid=event-row]");
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        var table = page.Locator(".ep-wide-only table");
        await Assertions.Expect(table).ToBeHiddenAsync();
        var festivalRow = rows.Filter(new() { HasText = "Sale clay-festival" });
        // 145 of 600 places would hide a session that sells out first: its 145 of 200 shows, and which session it is.
        await Assertions.Expect(festivalRow.Locator("[data-testid=event-fill-text]")).ToHaveTextAsync("145 / 200");
        await Assertions.Expect(festivalRow.Locator("[data-testid=event-fill-session]")).ToHaveTextAsync("S1 · Day 1 · fewest left of 3");
        await Assertions.Expect(festivalRow).ToContainTextAsync("Mon 1 Mar 2027, 19:00 (Europe/Berlin) · 3 sessions");
        await Assertions.Expect(rows.Filter(new() { HasText = "Sale glaze-lab" })).ToContainTextAsync("No sessions yet");
        await page.AssertPageStructureAsync();
        await page.AssertAccessibleAsync();
        var rowHeight = (await festivalRow.BoundingBoxAsync())!.Height;
        Assert.True(rowHeight < 90, $"a row is {rowHeight} px high on a tablet");

        await page.SetViewportSizeAsync(390, 844);
        await page.WaitForTimeoutAsync(150);
        rowHeight = (await festivalRow.BoundingBoxAsync())!.Height;
        Assert.True(rowHeight < 140, $"a row is {rowHeight} px high on a phone");
        await page.AssertAccessibleAsync();

        // The whole row opens the event.
        await festivalRow.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sale clay-festival", Level = 1 })).ToBeVisibleAsync();
        await page.GoBackAsync();
        await page.WaitForInteractiveAsync();

        // A desktop: the table.
        await page.SetViewportSizeAsync(1366, 900);
        await Assertions.Expect(table).ToBeVisibleAsync();
        await Assertions.Expect(rows.First).ToBeHiddenAsync();
        var festivalTableRow = table.GetByRole(AriaRole.Row).Filter(new() { HasText = "Sale clay-festival" });
        await Assertions.Expect(festivalTableRow.GetByRole(AriaRole.Cell, new() { Name = "255", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(festivalTableRow.Locator("[data-testid=event-fill-text]")).ToHaveTextAsync("145 / 200");
        await page.AssertAccessibleAsync();

        await Screenshots.AtEveryViewportAsync(page, "events-list");
    }
}
