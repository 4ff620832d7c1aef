using EventPlatform.E2E.Infrastructure;
using EventPlatform.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace EventPlatform.E2E.Organizations;

/// <summary>
/// The organization's brand colour shows on its pages (the organization page's band, the event page's
/// main button) and text on it stays readable (axe's AA contrast), for a light colour as for a dark one.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BrandColourTests(BrowserAppFixture fixture)
{
    [Theory]
    [InlineData("sunny-arts", "#FFE14D", "rgb(0, 0, 0)")]           // light: dark text
    [InlineData("forest-arts", "#1E6B52", "rgb(255, 255, 255)")]    // dark: white text
    public async Task TheBrandColour_ColoursTheBand_WithReadableText(string slug, string colour, string textColour)
    {
        var organization = await fixture.App.Db.AddOrganizationAsync(slug);
        await using (var db = await fixture.App.Db.CreateAsync())
        {
            await db.Organizations.Where(o => o.Id == organization.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.BrandColour, colour));
        }

        await fixture.App.Db.AddSellableEventAsync(organization.Id, slug + "-night", [20], new SeedTicketType("Entry", 1000, [0]));
        var page = await fixture.NewPageAsync(1280, 900);
        await page.GotoAsync($"o/{slug}");
        await page.WaitForInteractiveAsync();
        var band = page.Locator("header.ep-org-hero");
        await Assertions.Expect(band).ToHaveCSSAsync("color", textColour);
        await page.AssertAccessibleAsync();
        await Screenshots.AtEveryViewportAsync(page, $"brand-colour-{slug}");
    }

    [Fact]
    public async Task TheEventPagesMainButton_TakesADarkBrandColour()
    {
        var organization = await fixture.App.Db.AddOrganizationAsync("plum-arts");
        await using (var db = await fixture.App.Db.CreateAsync())
        {
            await db.Organizations.Where(o => o.Id == organization.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.BrandColour, "#6B1E5A"));
        }

        var sale = await fixture.App.Db.AddSellableEventAsync(organization.Id, "plum-night", [20], new SeedTicketType("Entry", 1000, [0]));
        var page = await fixture.NewPageAsync(1280, 900);
        await page.GotoAsync($"e/{sale.Slug}");
        await page.WaitForInteractiveAsync();
        await page.Locator("[data-testid=ticket-quantity]").SelectOptionAsync("2");
        await Assertions.Expect(page.Locator("[data-testid=continue-to-checkout]")).ToHaveCSSAsync("background-color", "rgb(107, 30, 90)");
        await page.AssertAccessibleAsync();
        await Screenshots.AtEveryViewportAsync(page, "brand-colour-event-button");
    }
}
