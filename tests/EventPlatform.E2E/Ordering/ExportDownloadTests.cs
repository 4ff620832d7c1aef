using EventPlatform.Core.Organizations;
using EventPlatform.E2E.Infrastructure;
using EventPlatform.TestSupport;
using Microsoft.Playwright;

namespace EventPlatform.E2E.Ordering;

/// <summary>An Analyst downloads an attendee export from the Orders tab, and opens a session's printable check-in list.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ExportDownloadTests(BrowserAppFixture fixture)
{
    [Fact]
    public async Task Analyst_DownloadsTheAttendeesCsvOfOneSession_FromTheOrdersTab()
    {
        var analyst = await fixture.CreateUserAsync("ana.exports@example.com", "Ana Analyst");
        var organization = await fixture.App.Db.AddOrganizationAsync("ana-exports", (analyst.Id, OrgRole.Analyst));
        var sale = await fixture.App.Db.AddSellableEventAsync(organization.Id, "export-night", [10, 10],
            new SeedTicketType("Full series", 5000, [0, 1]), new SeedTicketType("Day 2", 3000, [1]));
        await fixture.App.Db.AddPaidTicketsAsync(sale, "Full series", 2, new DateTimeOffset(2026, 5, 1, 10, 0, 0, TimeSpan.Zero));
        await fixture.App.Db.AddPaidTicketsAsync(sale, "Day 2", 1, new DateTimeOffset(2026, 5, 2, 10, 0, 0, TimeSpan.Zero));
        var page = await fixture.NewSignedInPageAsync("ana.exports@example.com", 1280, 900);

        await page.GotoAsync($"events/{sale.EventId}/manage/orders");
        await page.WaitForInteractiveAsync();
        var panel = page.Locator("[data-testid=export-panel]");
        await Assertions.Expect(panel.GetByRole(AriaRole.Heading, new() { Name = "Export" })).ToBeVisibleAsync();
        await panel.GetByLabel("Session").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "S1 Day 1" }).ClickAsync();
        await Assertions.Expect(panel.GetByRole(AriaRole.Link, new() { Name = "Attendees CSV" }))
            .ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex($"session={sale.SessionIds[0]}"));

        var download = await page.RunAndWaitForDownloadAsync(() => panel.GetByRole(AriaRole.Link, new() { Name = "Attendees CSV" }).ClickAsync());

        Assert.Matches(@"^export-night-attendees-\d{4}-\d{2}-\d{2}\.csv$", download.SuggestedFilename);
        var path = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.True(bytes is [0xEF, 0xBB, 0xBF, ..], "UTF-8 with a byte order mark");
        var lines = System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Attendee name,Attendee email,Ticket type,Ticket status,Order number,Order status,", lines[0], StringComparison.Ordinal);
        Assert.Contains("S1 Day 1,S2 Day 2,Dietary requirements", lines[0], StringComparison.Ordinal);
        // Only the two full-series tickets include the first session.
        Assert.Equal(3, lines.Length);
        await page.AssertAccessibleAsync();
        await Screenshots.SaveAsync(page, "event-orders-export");

        await page.GotoAsync($"events/{sale.EventId}/sessions/{sale.SessionIds[1]}/check-in-list");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check-in list: S2 Day 2", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".ep-checkin-table tbody tr")).ToHaveCountAsync(3);
        await page.AssertPageStructureAsync();
        await page.AssertAccessibleAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator(".mud-appbar")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Print" })).ToBeHiddenAsync();
        await Screenshots.SaveAsync(page, "check-in-list-print");
    }
}
