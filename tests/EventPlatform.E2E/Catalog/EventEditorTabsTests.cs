using System.Text.RegularExpressions;
using EventPlatform.Core.Organizations;
using EventPlatform.E2E.Infrastructure;
using EventPlatform.TestSupport;
using Microsoft.Playwright;

namespace EventPlatform.E2E.Catalog;

/// <summary>Each tab of the event editor has its own address: a link opens it, a click changes the address, Back returns.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EventEditorTabsTests(BrowserAppFixture fixture)
{
    [Fact]
    public async Task ADeepLinkOpensItsTab_AClickedTabChangesTheAddress_AndBackReturns()
    {
        var manager = await fixture.CreateUserAsync("tara.tabs@example.com", "Tara Tabs");
        var organization = await fixture.App.Db.AddOrganizationAsync("tab-studio", (manager.Id, OrgRole.Manager));
        var sale = await fixture.App.Db.AddSellableEventAsync(organization.Id, "tab-night", [20], new SeedTicketType("Entry", 1000, [0]));
        var page = await fixture.NewSignedInPageAsync("tara.tabs@example.com", 1280, 900);

        await page.GotoAsync($"events/{sale.EventId}/manage/sessions");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Sessions", Selected = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Add session" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await Screenshots.SaveAsync(page, "event-editor-deep-link-sessions");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Orders" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/events/{sale.EventId}/manage/orders$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Orders", Selected = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Search orders")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Tab, new() { Name = "Check-in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/events/{sale.EventId}/manage/check-in$"));
        await Assertions.Expect(page.GetByLabel("Station name")).ToBeVisibleAsync();

        await page.GoBackAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/events/{sale.EventId}/manage/orders$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Orders", Selected = true })).ToBeVisibleAsync();
        await page.GoBackAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/events/{sale.EventId}/manage/sessions$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Sessions", Selected = true })).ToBeVisibleAsync();

        // The address without a tab still opens Details; a tab that does not exist is not found.
        await page.GotoAsync($"events/{sale.EventId}/manage");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Details", Selected = true })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Ticket types" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/events/{sale.EventId}/manage/ticket-types$"));

        var missing = await page.GotoAsync($"events/{sale.EventId}/manage/seating-plan");
        Assert.Equal(404, missing!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "We could not find that page" })).ToBeVisibleAsync();
    }
}
