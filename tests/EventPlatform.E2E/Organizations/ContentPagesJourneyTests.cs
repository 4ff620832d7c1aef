using EventPlatform.Core.Organizations;
using EventPlatform.E2E.Infrastructure;
using EventPlatform.TestSupport;
using Microsoft.Playwright;

namespace EventPlatform.E2E.Organizations;

/// <summary>
/// A Manager writes a page for the organization's public site, previews it, publishes it, orders it, and a visitor
/// finds it in the site's navigation; a draft stays a 404 and a deleted page is gone.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentPagesJourneyTests(BrowserAppFixture fixture)
{
    private const string Directions =
        "**Riverside Arts Studio**, Quay Street 12.\n\n- Tram 4 to *Riverside Quay*\n- Bike racks in the courtyard\n\n" +
        "<script>window.pwned = true</script><p onclick=\"window.pwned = true\">Doors open at 7 pm.</p>";

    [Fact]
    public async Task AManager_CreatesAndPublishesAPage_AndAVisitorFindsItInTheSitesNavigation()
    {
        var manager = await fixture.CreateUserAsync("paula.pages@example.com", "Paula Pages");
        var organization = await fixture.App.Db.AddOrganizationAsync("quay-studio", (manager.Id, OrgRole.Manager));
        var page = await fixture.NewSignedInPageAsync("paula.pages@example.com", 1366, 900);

        await page.GotoAsync($"org/{organization.Id}");
        await page.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Pages", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=pages-empty]")).ToBeVisibleAsync();

        // A new page, previewed before it is saved: the preview is the sanitized HTML the public page will show.
        await page.GetByRole(AriaRole.Link, new() { Name = "New page" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New page", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Venue & directions");
        await page.Locator("#page-body").FillAsync(Directions);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Preview" }).ClickAsync();
        var preview = page.Locator("[data-testid=page-preview]");
        await Assertions.Expect(preview.Locator("strong")).ToHaveTextAsync("Riverside Arts Studio");
        await Assertions.Expect(preview.Locator("script, [onclick]")).ToHaveCountAsync(0);
        await page.AssertAccessibleAsync();
        await Screenshots.AtEveryViewportAsync(page, "org-page-editor-preview");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Text (Markdown)" }).ClickAsync();
        await Screenshots.AtEveryViewportAsync(page, "org-page-editor");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save page" }).ClickAsync();

        // Saved as a draft: listed for the organizer, unknown to visitors.
        await Assertions.Expect(page.GetByText("Page \"Venue & directions\" saved.")).ToBeVisibleAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Venue & directions" });
        await Assertions.Expect(row.Locator("[data-testid=page-status]")).ToHaveTextAsync("Draft");
        await Assertions.Expect(row).ToContainTextAsync("/o/quay-studio/venue-directions");
        var visitor = await fixture.NewPageAsync(1366, 900);
        var draft = await visitor.GotoAsync("o/quay-studio/venue-directions");
        Assert.Equal(404, draft!.Status);

        // A second page, published from the editor and moved first; the first one is published from the list.
        await page.GetByRole(AriaRole.Link, new() { Name = "New page" }).ClickAsync();
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("FAQ");
        await page.Locator("#page-body").FillAsync("### Is there parking?\nNo, come by tram.");
        await page.GetByText("Published: shown on the public site").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save page" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Page \"FAQ\" saved.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish Venue & directions" }).ClickAsync();
        await Assertions.Expect(row.Locator("[data-testid=page-status]")).ToHaveTextAsync("Published");
        await page.GetByRole(AriaRole.Button, new() { Name = "Move FAQ up" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Nth(1)).ToContainTextAsync("FAQ");
        await page.AssertAccessibleAsync();
        await Screenshots.AtEveryViewportAsync(page, "org-pages-list");

        // The visitor: the organization's site lists both pages, in that order, and opens one.
        await visitor.GotoAsync("o/quay-studio");
        await visitor.WaitForInteractiveAsync();
        var navigation = visitor.GetByRole(AriaRole.Navigation, new() { Name = "quay-studio pages" });
        await Assertions.Expect(navigation.GetByRole(AriaRole.Link)).ToHaveTextAsync(["Home", "FAQ", "Venue & directions"]);
        await visitor.AssertAccessibleAsync();
        await Screenshots.AtEveryViewportAsync(visitor, "org-site-home-navigation");
        await navigation.GetByRole(AriaRole.Link, new() { Name = "Venue & directions" }).ClickAsync();
        await Assertions.Expect(visitor).ToHaveURLAsync($"{fixture.BaseAddress}o/quay-studio/venue-directions");
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Venue & directions", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(visitor.Locator("[data-testid=content-page-body] li")).ToHaveTextAsync(["Tram 4 to Riverside Quay",
            "Bike racks in the courtyard"]);
        await Assertions.Expect(navigation.Locator("[aria-current=page]")).ToHaveTextAsync("Venue & directions");
        await visitor.Locator("[data-testid=content-page-body]").GetByText("Doors open at 7 pm.").ClickAsync();
        Assert.False(await visitor.EvaluateAsync<bool>("() => window.pwned === true"));
        await visitor.AssertPageStructureAsync();
        await visitor.AssertAccessibleAsync();
        await Screenshots.AtEveryViewportAsync(visitor, "org-page-public");

        // Deleted after a confirmation: gone from the list and the site.
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete FAQ" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("Page \"FAQ\" deleted.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "FAQ" })).ToHaveCountAsync(0);
        var deleted = await visitor.GotoAsync("o/quay-studio/faq");
        Assert.Equal(404, deleted!.Status);
    }
}
