using EventPlatform.Core.Catalog.Browsing;
using EventPlatform.Core.Organizations;
using EventPlatform.Core.Storage;
using EventPlatform.E2E.Infrastructure;
using EventPlatform.TestSupport;
using EventPlatform.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EventPlatform.E2E.Catalog;

/// <summary>How the public pages are laid out at every viewport: covers, the event page's columns, the layout's furniture.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EventPageLayoutTests(BrowserAppFixture fixture)
{
    private const string LongDescription =
        "## What you will learn\n\n- Wedging and centring\n- Throwing cylinders and bowls\n- Trimming and glazing\n\n" +
        "All clay and firing included. Wear clothes that can get muddy.";

    /// <summary>The shape and size of each cover (or placeholder) on the page, as drawn.</summary>
    private const string CoverBoxes = """
        selector => [...document.querySelectorAll(selector)].map(el => {
          const box = el.getBoundingClientRect();
          const img = el.tagName === 'IMG' ? el : el.querySelector('img');
          return { Width: box.width, Height: box.height, Fit: img ? getComputedStyle(img).objectFit : 'none',
                   Loaded: img ? img.complete && img.naturalWidth > 0 : true };
        })
        """;

    [Fact]
    public async Task EventPage_ShowsTheCoverAt2To1_OrACategoryPlaceholder_AtEveryViewport()
    {
        var wide = await SeedAsync("layout-cover", cover: (800, 400));
        var tall = await SeedAsync("layout-tall-cover", cover: (400, 800));
        var plain = await SeedAsync("layout-no-cover", cover: null);
        var page = await fixture.NewPageAsync(1366, 900);

        foreach (var (slug, name) in new[] { (wide.Slug, "layout-event-cover"), (tall.Slug, "layout-event-tall-cover") })
        {
            await page.GotoAsync($"e/{slug}");
            await page.WaitForInteractiveAsync();
            foreach (var (width, height) in Screenshots.Viewports)
            {
                await page.SetViewportSizeAsync(width, height);
                await page.WaitForTimeoutAsync(150);
                // Auto-waits: on a loaded machine the interactive render may still be replacing the prerendered page.
                await Assertions.Expect(page.Locator("img[data-testid=event-cover]")).ToHaveCountAsync(1);
                var cover = Assert.Single(await page.EvaluateAsync<CoverBox[]>(CoverBoxes, "img[data-testid=event-cover]"));
                AssertCover(cover, $"{name} at {width}×{height}", minWidth: Math.Min(340, width - 50));
            }

            await page.AssertPageStructureAsync();
            await page.AssertAccessibleAsync();
            await Screenshots.AtEveryViewportAsync(page, name);
        }

        await page.SetViewportSizeAsync(1366, 900);
        await page.GotoAsync($"e/{plain.Slug}");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("img[data-testid=event-cover]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("header .ep-event-hero-icon")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await Screenshots.AtEveryViewportAsync(page, "layout-event-no-cover");

        await page.GotoAsync("");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-testid=event-card]").First).ToBeVisibleAsync();
        foreach (var (width, height) in Screenshots.Viewports)
        {
            await page.SetViewportSizeAsync(width, height);
            await page.WaitForTimeoutAsync(150);
            var covers = await page.EvaluateAsync<CoverBox[]>(CoverBoxes, "[data-testid=card-cover]");
            Assert.NotEmpty(covers);
            Assert.All(covers, cover => AssertCover(cover, $"a home card at {width}×{height}", minWidth: 240));
        }

        await page.AssertPageStructureAsync();
        await page.AssertAccessibleAsync();
        await Screenshots.AtEveryViewportAsync(page, "layout-home-cards");
    }

    [Fact]
    public async Task AShortDescription_LeavesNoBlankBlock_BeforeTheNextSection()
    {
        var sale = await SeedAsync("layout-short-about", cover: null, description: "A relaxed evening of glazing.", policies: null);
        var page = await fixture.NewPageAsync(1366, 900);
        await page.GotoAsync($"e/{sale.Slug}");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByText("A relaxed evening of glazing.")).ToBeVisibleAsync();

        foreach (var (width, height) in Screenshots.Viewports)
        {
            await page.SetViewportSizeAsync(width, height);
            await page.WaitForTimeoutAsync(150);
            // The text's last line to the next section ("When", under it on narrow screens), or to the end of its column.
            var gap = await page.EvaluateAsync<double>("""
                () => {
                  const text = document.querySelector('section[aria-labelledby=about-title] .ep-markdown').lastElementChild.getBoundingClientRect();
                  const when = [...document.querySelectorAll('h2')].find(h => h.textContent.trim() === 'When').parentElement.getBoundingClientRect();
                  const column = document.querySelector('section[aria-labelledby=about-title]').parentElement.getBoundingClientRect();
                  return (when.top > text.bottom ? when.top : column.bottom) - text.bottom;
                }
                """);
            Assert.True(gap <= 72, $"{gap} px of blank space after the description at {width}×{height}");
        }

        await Screenshots.AtEveryViewportAsync(page, "layout-event-short-about");
    }

    [Fact]
    public async Task TheActiveNavPill_HasNoIconGap_AndTheClosedMenuDrawsNoLineAtTheLeftEdge()
    {
        await fixture.CreateUserAsync("nora.nav@example.com", "Nora Nav");
        var page = await fixture.NewSignedInPageAsync("nora.nav@example.com", 1366, 900);
        await page.GotoAsync("tickets");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My tickets", Level = 1 })).ToBeVisibleAsync();

        var pill = page.Locator(".ep-navlinks--row .mud-nav-link.active");
        await Assertions.Expect(pill).ToHaveTextAsync("My tickets");
        var pillBox = (await pill.BoundingBoxAsync())!;
        var labelBox = (await pill.Locator(".mud-nav-link-text").BoundingBoxAsync())!;
        var leftInset = labelBox.X - pillBox.X;
        var rightInset = pillBox.X + pillBox.Width - (labelBox.X + labelBox.Width);
        Assert.True(Math.Abs(leftInset - rightInset) <= 2, $"the label sits {leftInset} px from the pill's left and {rightInset} px from its right");

        foreach (var (width, height) in Screenshots.Viewports)
        {
            await page.SetViewportSizeAsync(width, height);
            await page.WaitForTimeoutAsync(150);
            Assert.Equal("none", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.mud-drawer')).boxShadow"));
        }

        await page.AssertPageStructureAsync();
        await page.AssertAccessibleAsync();
        await Screenshots.AtEveryViewportAsync(page, "layout-nav-my-tickets");

        await page.SetViewportSizeAsync(390, 844);
        await page.GetByRole(AriaRole.Button, new() { Name = "Open navigation" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main (menu)" })).ToBeVisibleAsync();
        await page.WaitForTimeoutAsync(300); // the drawer slides in
        await Screenshots.SaveAsync(page, "layout-nav-drawer-390x844");
    }

    [Fact]
    public async Task OnAPhone_TheStaticEventPagesMenu_OpensTheSameNavigation()
    {
        // The event page is static but for its tickets: no circuit for the drawer, so a native disclosure holds the links.
        var sale = await SeedAsync("layout-static-menu", cover: null);
        var page = await fixture.NewPageAsync(390, 844);
        await page.GotoAsync($"e/{sale.Slug}");
        await page.WaitForInteractiveAsync();
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Main (menu)" });
        await Assertions.Expect(menu).ToBeHiddenAsync();

        await page.Locator("details.ep-static-menu > summary").ClickAsync();
        await Assertions.Expect(menu).ToBeVisibleAsync();
        await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Events" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await Screenshots.SaveAsync(page, "layout-event-static-menu-390x844");

        await menu.GetByRole(AriaRole.Link, new() { Name = "Events" }).ClickAsync();
        await page.WaitForURLAsync("**/events");
        await page.WaitForInteractiveAsync();
    }

    private static void AssertCover(CoverBox cover, string where, double minWidth)
    {
        Assert.True(cover.Loaded, $"the cover image of {where} loads");
        Assert.InRange(cover.Width / cover.Height, 1.95, 2.05);
        Assert.True(cover.Width >= minWidth, $"the cover of {where} is {cover.Width} px wide");
        Assert.True(cover.Fit is "cover" or "none", $"the cover image of {where} is cropped to fit, not stretched ({cover.Fit})");
    }

    private async Task<SellableEvent> SeedAsync(string slug, (int Width, int Height)? cover, string description = LongDescription,
        string? policies = "Bring an apron.")
    {
        var owner = await fixture.CreateUserAsync($"owner.{slug}@example.com");
        var organization = await fixture.App.Db.AddOrganizationAsync(slug + "-org", (owner.Id, OrgRole.Owner));
        var sale = await fixture.App.Db.AddSellableEventAsync(organization.Id, slug, [12, 12],
            new SeedTicketType("Full series", 5000, [0, 1]),
            new SeedTicketType("Day 1", 3000, [0]));
        string? path = null;
        if (cover is { } size)
        {
            path = $"events/{sale.EventId:N}/cover-test.png";
            using var image = new MemoryStream(DemoCoverImages.Create("#9A3412", "#F97316", slug.Length, size.Width, size.Height));
            await fixture.App.Services.GetRequiredService<IFileStorage>().SaveAsync(path, image, CancellationToken.None);
        }

        await using var db = await fixture.App.Db.CreateAsync();
        await db.Events.Where(e => e.Id == sale.EventId).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.Description, description)
            .SetProperty(e => e.ShortDescription, "Three mornings at the wheel, a week apart.")
            .SetProperty(e => e.Policies, policies)
            .SetProperty(e => e.CoverImagePath, path));
        fixture.App.Services.GetRequiredService<CatalogCache>().Invalidate();
        return sale;
    }

    private sealed class CoverBox
    {
        public double Width { get; set; }
        public double Height { get; set; }
        public string Fit { get; set; } = "";
        public bool Loaded { get; set; }
    }
}
