using EventPlatform.Core.Common;
using EventPlatform.Core.Organizations;
using EventPlatform.E2E.Infrastructure;
using EventPlatform.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace EventPlatform.E2E.Ordering;

/// <summary>The hold limits in the browser: the device cookie reaches the circuit, and the fourth open hold is refused in words.</summary>
[Collection(BrowserCollection.Name)]
public sealed class HoldLimitJourneyTests(BrowserAppFixture fixture)
{
    [Fact]
    public async Task OneBrowser_HoldsThreeEventsAtOnce_AndIsToldWhyTheFourthIsRefused()
    {
        var owner = await fixture.CreateUserAsync("owner.hoarding@example.com");
        var organization = await fixture.App.Db.AddOrganizationAsync("hoarding-org", (owner.Id, OrgRole.Owner));
        var sales = new List<SellableEvent>();
        for (var i = 1; i <= 4; i++)
        {
            sales.Add(await fixture.App.Db.AddSellableEventAsync(organization.Id, $"hoarding-{i}", [100], new SeedTicketType("Day", 3000, [0])));
        }

        var page = await fixture.NewPageAsync(390, 844);
        foreach (var sale in sales)
        {
            await page.GotoAsync($"e/{sale.Slug}");
            await page.WaitForInteractiveAsync();
            await page.GetByLabel("Quantity of Day").SelectOptionAsync("2");
            await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
            if (sale != sales[^1])
            {
                await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Checkout", Level = 1 })).ToBeVisibleAsync();
            }
        }

        await Assertions.Expect(page.Locator("[data-testid=hold-error]")).ToHaveTextAsync(string.Format(UserMessages.TooManyOpenHolds, 3));
        await Screenshots.SaveAsync(page, "hold-limit-refused-phone");

        var device = (await page.Context.CookiesAsync()).Single(c => c.Name == "ep_device").Value;
        await using var db = await fixture.App.Db.CreateAsync();
        var eventIds = sales.Select(s => s.EventId).ToList();
        var orders = await db.Orders.AsNoTracking().Where(o => eventIds.Contains(o.EventId)).ToListAsync();
        Assert.Equal(3, orders.Count);
        Assert.All(orders, o => Assert.Equal(device, o.ClientDevice));
        Assert.All(orders, o => Assert.Equal("127.0.0.1", o.ClientAddress));
    }
}
